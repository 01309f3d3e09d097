import { connectionEnds, type ElsaDefinition } from "./elsa";

export interface JournalLike {
  activityId?: string | null;
  eventName: string;
  message?: string | null;
}

/**
 * The connections a run followed, read from its journal when the server does not list them: a connection was taken
 * when its source completed through its port (the journal's Completed message names the outcomes) and its target then
 * ran.
 */
export function takenConnections(definition: ElsaDefinition, journal: readonly JournalLike[], status: Readonly<Record<string, string>>) {
  const completed = new Map<string, Set<string>>();
  for (const entry of journal) {
    if (entry.eventName !== "Completed" || !entry.activityId) continue;
    const outcomes = (entry.message ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const set = completed.get(entry.activityId) ?? new Set<string>();
    outcomes.forEach((o) => set.add(o));
    completed.set(entry.activityId, set);
  }
  return definition.root.connections
    .map(connectionEnds)
    .filter((c) => completed.get(c.source)?.has(c.sourcePort) && status[c.target] !== undefined)
    .map((c) => ({ source: c.source, sourcePort: c.sourcePort, target: c.target }));
}
