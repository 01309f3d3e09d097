import { connectionEnds, positionOf, type ElsaActivity, type ElsaConnection, type ElsaDefinition } from "../../../components/flow/elsa";
import { fallbackPosition } from "../../../components/flow/flowModel";
import { addActivities, connection } from "./document";
import { newId } from "./ids";

/** Copied activities live in local storage, so they can be pasted into another definition or another tab. */
export const clipboardKey = "careflows.designer.clipboard";

interface Clip {
  kind: "careflows-activities";
  activities: ElsaActivity[];
  connections: { source: string; port: string; target: string }[];
}

export function copyActivities(definition: ElsaDefinition, ids: ReadonlySet<string>): number {
  const activities = definition.root.activities.filter((a) => ids.has(a.id));
  if (activities.length === 0) return 0;
  const connections = definition.root.connections
    .map(connectionEnds)
    .filter((c) => ids.has(c.source) && ids.has(c.target))
    .map((c) => ({ source: c.source, port: c.sourcePort, target: c.target }));
  const clip: Clip = { kind: "careflows-activities", activities, connections };
  try {
    localStorage.setItem(clipboardKey, JSON.stringify(clip));
  } catch {
    return 0;
  }
  return activities.length;
}

export function readClipboard(): Clip | null {
  try {
    const clip = JSON.parse(localStorage.getItem(clipboardKey) ?? "null") as Clip | null;
    return clip?.kind === "careflows-activities" && Array.isArray(clip.activities) ? clip : null;
  } catch {
    return null;
  }
}

/**
 * Pastes the copied activities with new ids (and node ids for this flowchart), shifted so they do not cover the
 * originals, with the connections between them; returns the new definition and the pasted ids.
 */
export function pasteActivities(definition: ElsaDefinition, clip: Clip, offset = { x: 40, y: 40 }): { definition: ElsaDefinition; ids: string[] } {
  const ids = new Map(clip.activities.map((a) => [a.id, newId()]));
  const names = new Set(definition.root.activities.map((a) => a.name).filter(Boolean));
  const activities = clip.activities.map((activity, index): ElsaActivity => {
    const id = ids.get(activity.id)!;
    const position = positionOf(activity) ?? fallbackPosition(index);
    let name = activity.name;
    if (name && names.has(name)) {
      const base = name.replace(/\d+$/, "");
      let n = 1;
      while (names.has(`${base}${n}`)) n++;
      name = `${base}${n}`;
    }
    if (name) names.add(name);
    const metadata = activity.metadata ?? {};
    return {
      ...activity,
      id,
      nodeId: `Workflow1:${definition.root.id}:${id}`,
      name,
      metadata: { ...metadata, designer: { ...(metadata.designer ?? {}), position: { x: position.x + offset.x, y: position.y + offset.y } } },
    };
  });
  const connections: ElsaConnection[] = clip.connections.map((c) => connection(ids.get(c.source)!, c.port, ids.get(c.target)!));
  return { definition: addActivities(definition, activities, connections), ids: [...ids.values()] };
}
