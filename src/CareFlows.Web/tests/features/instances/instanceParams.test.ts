import { describe, expect, it } from "vitest";
import { setOrganisationTimeZone } from "../../../src/components/format";
import { instanceApiQuery, withInstanceParam } from "../../../src/features/instances/instanceParams";

describe("the instance list's address", () => {
  it("sends the patient and incident filters as they are, and the creation days as moments in the organisation's zone", () => {
    setOrganisationTimeZone("America/New_York");

    const query = instanceApiQuery(new URLSearchParams("patient=MRN-100&hasIncidents=true&createdFrom=2026-11-01&createdTo=2026-11-30"));

    expect(query).toEqual({
      patient: "MRN-100",
      hasIncidents: "true",
      createdFrom: "2026-11-01T04:00:00.000Z",
      createdTo: "2026-12-01T05:00:00.000Z",
      pageSize: "25",
    });
  });

  it("goes back to the first page when a filter changes", () => {
    expect(withInstanceParam(new URLSearchParams("page=3&patient=MRN-1"), "hasIncidents", "true").toString()).toBe("patient=MRN-1&hasIncidents=true");
  });
});
