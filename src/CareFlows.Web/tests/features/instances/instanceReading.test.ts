import { describe, expect, it } from "vitest";
import { findPatient, taskIdsOf } from "../../../src/features/instances/instanceReading";
import type { JournalEntry } from "../../../src/features/instances/instanceTypes";

const entry = (sequence: number, eventName: string, message: string | null): JournalEntry => ({
  sequence,
  timestamp: "2026-11-30T05:03:37Z",
  activityId: "a",
  activityType: "CareFlows.HumanTask",
  activityName: null,
  eventName,
  message,
});

describe("reading an instance", () => {
  it("finds the patient wherever the pathway keeps one", () => {
    const variables = { Discharge: { visitNumber: "V1", patient: { id: "MRN-1", mrn: "MRN-1", name: "Ruth Adler", birthDate: "1963-12-20", sex: "female" } }, Risk: null };

    expect(findPatient(variables)).toEqual({ name: "Ruth Adler", mrn: "MRN-1", id: "MRN-1", birthDate: "1963-12-20", sex: "female" });
    expect(findPatient({ Request: { payer: "Acme" } })).toBeNull();
  });

  it("lists the tasks the journal's task bookmarks name, then any open ones it has not seen", () => {
    const journal = [
      entry(2, "BookmarkCreated", "i1.b2 timer due 2026-11-27T22:00:00.0000000+00:00"),
      entry(1, "BookmarkCreated", "i1.b1 task t-first"),
      entry(3, "BookmarkCreated", "i1.b3 task t-second"),
      entry(4, "Completed", "task t-not-a-bookmark"),
    ];

    expect(taskIdsOf(journal, [{ taskId: "t-second" }, { taskId: null }, { taskId: "t-open" }])).toEqual(["t-first", "t-second", "t-open"]);
  });
});
