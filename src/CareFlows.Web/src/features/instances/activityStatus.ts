import type { Bookmark, Incident, JournalEntry } from "./instanceTypes";

export type ActivityState = "done" | "active" | "faulted";

/**
 * Where each activity of an instance stands, for the read-only diagram (`WorkflowDiagram`'s `activityStatus`):
 * read from the journal in order — Completed marks an activity done, Faulted faulted, and a later entry wins, so an
 * activity retried after a fault and then completed is done — then every open bookmark marks its activity active
 * (waiting), and every incident still on the instance marks its activity faulted, which nothing overrides.
 */
export function activityStatus(input: { journal: JournalEntry[]; bookmarks?: Pick<Bookmark, "activityId">[]; incidents?: Pick<Incident, "activityId">[] }): Record<string, ActivityState> {
  const status: Record<string, ActivityState> = {};
  const ordered = [...input.journal].sort((a, b) => a.sequence - b.sequence);
  for (const entry of ordered) {
    if (entry.eventName === "Completed") status[entry.activityId] = "done";
    else if (entry.eventName === "Faulted") status[entry.activityId] = "faulted";
  }
  for (const bookmark of input.bookmarks ?? []) {
    if (status[bookmark.activityId] !== "faulted") status[bookmark.activityId] = "active";
  }
  for (const incident of input.incidents ?? []) status[incident.activityId] = "faulted";
  return status;
}

/** How many activities are in each state, for the summary beside (or instead of) the diagram. */
export function countStates(status: Record<string, ActivityState>) {
  const counts: Record<ActivityState, number> = { done: 0, active: 0, faulted: 0 };
  for (const state of Object.values(status)) counts[state] += 1;
  return counts;
}
