import { describe, expect, it } from "vitest";
import { activityStatus, countStates } from "../../../src/features/instances/activityStatus";
import type { JournalEntry } from "../../../src/features/instances/instanceTypes";

let sequence = 0;
const entry = (activityId: string, eventName: string): JournalEntry => ({
  sequence: ++sequence,
  timestamp: "2026-11-30T05:03:37Z",
  activityId,
  activityType: "Elsa.WriteLine",
  activityName: activityId,
  eventName,
  message: null,
});

describe("activityStatus", () => {
  it("marks completed activities done and the ones with open bookmarks active", () => {
    const journal = [entry("start", "Started"), entry("start", "Completed"), entry("call", "Started"), entry("call", "BookmarkCreated"), entry("call", "Suspended")];

    expect(activityStatus({ journal, bookmarks: [{ activityId: "call" }] })).toEqual({ start: "done", call: "active" });
  });

  it("marks faulted activities and those with incidents faulted, whatever else holds", () => {
    const journal = [entry("score", "Started"), entry("score", "Faulted"), entry("notify", "Completed")];

    expect(activityStatus({ journal, bookmarks: [{ activityId: "score" }], incidents: [{ activityId: "notify" }] })).toEqual({ score: "faulted", notify: "faulted" });
  });

  it("lets a later entry win: retried then completed is done, completed then waiting again is active", () => {
    const journal = [entry("fetch", "Faulted"), entry("fetch", "Completed"), entry("loop", "Completed"), entry("loop", "Started")];

    expect(activityStatus({ journal, bookmarks: [{ activityId: "loop" }] })).toEqual({ fetch: "done", loop: "active" });
  });

  it("reads entries in sequence order even when they come unordered", () => {
    const completed = entry("a", "Completed");
    const faulted = entry("a", "Faulted");

    expect(activityStatus({ journal: [faulted, completed] })).toEqual({ a: "faulted" });
  });

  it("knows nothing of activities that only started, and counts each state", () => {
    const status = activityStatus({ journal: [entry("x", "Started"), entry("y", "Completed"), entry("z", "Completed")], bookmarks: [{ activityId: "w" }] });

    expect(status.x).toBeUndefined();
    expect(countStates(status)).toEqual({ done: 2, active: 1, faulted: 0 });
  });
});
