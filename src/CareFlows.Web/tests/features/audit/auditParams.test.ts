import { describe, expect, it } from "vitest";
import { auditApiQuery, auditFilterQuery, toMoment, withAuditParams } from "../../../src/features/audit/auditParams";
import { setOrganisationTimeZone } from "../../../src/components/format";

describe("the audit search's address", () => {
  it("sends the time range as moments in the organisation's zone, and the other filters as they are", () => {
    setOrganisationTimeZone("Europe/London");
    const params = new URLSearchParams("from=2026-07-01T08:30&to=2026-07-02T00:00&outcome=denied&actor=u-1&sort=occurredAt&page=3");
    expect(auditFilterQuery(params)).toEqual({ from: "2026-07-01T07:30:00.000Z", to: "2026-07-01T23:00:00.000Z", outcome: "denied", actor: "u-1" });
    expect(auditApiQuery(params)).toEqual({ from: "2026-07-01T07:30:00.000Z", to: "2026-07-01T23:00:00.000Z", outcome: "denied", actor: "u-1", sort: "occurredAt", page: "3", pageSize: "50" });
  });

  it("passes a time it cannot read to the server as typed, so that the server's refusal names it", () => {
    expect(toMoment("yesterday")).toBe("yesterday");
  });

  it("goes back to the first page when a filter or the order changes, not when the page does", () => {
    const params = new URLSearchParams("outcome=denied&page=4");
    expect(withAuditParams(params, { operation: "task.read" }).toString()).toBe("outcome=denied&operation=task.read");
    expect(withAuditParams(params, { outcome: null }).toString()).toBe("");
    expect(withAuditParams(params, { page: "5" }).toString()).toBe("outcome=denied&page=5");
  });
});
