import type { ActivityDescriptor, DescriptorMap } from "../../../components/flow/activityDescriptors";
import { connectionEnds, positionOf, sizeOf, type ElsaActivity, type ElsaConnection, type ElsaDefinition } from "../../../components/flow/elsa";
import { defaultNodeSize, fallbackPosition } from "../../../components/flow/flowModel";
import { newId } from "./ids";

/**
 * Changes to a definition, each returning a new definition that shares every part it did not change; so an edit
 * keeps the order and content of everything else, and unchanged activities keep their identity (which the canvas
 * uses to re-draw only what changed).
 */
export type Change = (definition: ElsaDefinition) => ElsaDefinition;

export function updateActivities(definition: ElsaDefinition, update: (activities: ElsaActivity[]) => ElsaActivity[]): ElsaDefinition {
  const activities = update(definition.root.activities);
  return activities === definition.root.activities ? definition : { ...definition, root: { ...definition.root, activities } };
}

export function updateConnections(definition: ElsaDefinition, update: (connections: ElsaConnection[]) => ElsaConnection[]): ElsaDefinition {
  const connections = update(definition.root.connections);
  return connections === definition.root.connections ? definition : { ...definition, root: { ...definition.root, connections } };
}

export function updateActivity(definition: ElsaDefinition, id: string, update: (activity: ElsaActivity) => ElsaActivity): ElsaDefinition {
  return updateActivities(definition, (activities) => {
    const index = activities.findIndex((a) => a.id === id);
    if (index < 0) return activities;
    const next = update(activities[index]);
    if (next === activities[index]) return activities;
    const copy = activities.slice();
    copy[index] = next;
    return copy;
  });
}

/** Sets (or with undefined, removes) one property of an activity, keeping its place among the others. */
export function setProperty(activity: ElsaActivity, key: string, value: unknown): ElsaActivity {
  if (value === undefined) {
    if (!(key in activity)) return activity;
    const { [key]: _removed, ...rest } = activity;
    return rest as ElsaActivity;
  }
  return { ...activity, [key]: value };
}

export function setMetadata(activity: ElsaActivity, key: string, value: unknown): ElsaActivity {
  const metadata = { ...(activity.metadata ?? {}) };
  if (value === undefined || value === "") delete metadata[key];
  else metadata[key] = value;
  return { ...activity, metadata };
}

export function setCustomProperty(activity: ElsaActivity, key: string, value: unknown): ElsaActivity {
  return { ...activity, customProperties: { ...(activity.customProperties ?? {}), [key]: value } };
}

function withDesigner(activity: ElsaActivity, patch: { position?: { x: number; y: number }; size?: { width: number; height: number } }): ElsaActivity {
  const metadata = activity.metadata ?? {};
  return { ...activity, metadata: { ...metadata, designer: { ...(metadata.designer ?? {}), ...patch } } };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Moves activities; positions are stored as Elsa does, in `metadata.designer.position`. */
export function moveActivities(definition: ElsaDefinition, positions: ReadonlyMap<string, { x: number; y: number }>): ElsaDefinition {
  if (positions.size === 0) return definition;
  return updateActivities(definition, (activities) => {
    let changed = false;
    const next = activities.map((activity) => {
      const to = positions.get(activity.id);
      if (!to) return activity;
      const from = positionOf(activity);
      const position = { x: round(to.x), y: round(to.y) };
      if (from && from.x === position.x && from.y === position.y) return activity;
      changed = true;
      return withDesigner(activity, { position });
    });
    return changed ? next : activities;
  });
}

export function resizeActivity(definition: ElsaDefinition, id: string, size: { width: number; height: number }): ElsaDefinition {
  return updateActivity(definition, id, (activity) => withDesigner(activity, { size: { width: round(size.width), height: round(size.height) } }));
}

/** A name not used yet, Elsa-style: `HumanTask1`, `HumanTask2`… */
function uniqueName(definition: ElsaDefinition, base: string): string {
  const names = new Set(definition.root.activities.map((a) => a.name));
  for (let n = 1; ; n++) if (!names.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new activity of a type at a position, with the common fields Elsa writes and its inputs unset. */
export function newActivity(definition: ElsaDefinition, descriptor: ActivityDescriptor, position: { x: number; y: number }): ElsaActivity {
  const id = newId();
  return {
    id,
    nodeId: `Workflow1:${definition.root.id}:${id}`,
    name: uniqueName(definition, descriptor.name),
    type: descriptor.typeName,
    version: 1,
    customProperties: { canStartWorkflow: false, runAsynchronously: false },
    metadata: { designer: { position: { x: round(position.x), y: round(position.y) }, size: { ...defaultNodeSize } } },
  };
}

export function addActivities(definition: ElsaDefinition, activities: ElsaActivity[], connections: ElsaConnection[] = []): ElsaDefinition {
  return {
    ...definition,
    root: {
      ...definition.root,
      activities: [...definition.root.activities, ...activities],
      connections: connections.length ? [...definition.root.connections, ...connections] : definition.root.connections,
    },
  };
}

/** Removes activities and every connection to or from them. */
export function removeActivities(definition: ElsaDefinition, ids: ReadonlySet<string>): ElsaDefinition {
  if (ids.size === 0) return definition;
  const activities = definition.root.activities.filter((a) => !ids.has(a.id));
  const connections = definition.root.connections.filter((c) => {
    const ends = connectionEnds(c);
    return !ids.has(ends.source) && !ids.has(ends.target);
  });
  return { ...definition, root: { ...definition.root, activities, connections } };
}

export function connection(source: string, port: string, target: string): ElsaConnection {
  return { source: { activity: source, port }, target: { activity: target, port: "In" } };
}

export function hasConnection(definition: ElsaDefinition, source: string, port: string, target: string) {
  return definition.root.connections.some((c) => {
    const ends = connectionEnds(c);
    return ends.source === source && ends.sourcePort === port && ends.target === target;
  });
}

/** Connects an outcome port to an activity; a connection that exists already is not added twice. */
export function connect(definition: ElsaDefinition, source: string, port: string, target: string): ElsaDefinition {
  if (source === target || hasConnection(definition, source, port, target)) return definition;
  return updateConnections(definition, (connections) => [...connections, connection(source, port, target)]);
}

export function removeConnectionsAt(definition: ElsaDefinition, indexes: ReadonlySet<number>): ElsaDefinition {
  if (indexes.size === 0) return definition;
  return updateConnections(definition, (connections) => connections.filter((_, i) => !indexes.has(i)));
}

/** Renames an outcome port in the connections leaving an activity (a case label or task outcome was renamed). */
export function renamePort(definition: ElsaDefinition, activityId: string, from: string, to: string): ElsaDefinition {
  if (from === to) return definition;
  return updateConnections(definition, (connections) => {
    let changed = false;
    const next = connections.map((c) => {
      const ends = connectionEnds(c);
      if (ends.source !== activityId || ends.sourcePort !== from || typeof c.source === "string") return c;
      changed = true;
      return { ...c, source: { ...c.source, port: to } };
    });
    return changed ? next : connections;
  });
}

export type Alignment = "left" | "center" | "right" | "top" | "middle" | "bottom";

/** Lines selected activities up on the edge or centre of the group, using their stored sizes. */
export function align(definition: ElsaDefinition, ids: ReadonlySet<string>, alignment: Alignment): ElsaDefinition {
  const boxes = definition.root.activities
    .map((a, i) => ({ a, p: positionOf(a) ?? fallbackPosition(i), s: sizeOf(a) ?? defaultNodeSize }))
    .filter((b) => ids.has(b.a.id));
  if (boxes.length < 2) return definition;
  const left = Math.min(...boxes.map((b) => b.p.x));
  const right = Math.max(...boxes.map((b) => b.p.x + b.s.width));
  const top = Math.min(...boxes.map((b) => b.p.y));
  const bottom = Math.max(...boxes.map((b) => b.p.y + b.s.height));
  const positions = new Map(
    boxes.map((b) => {
      const { x, y } = b.p;
      const to =
        alignment === "left" ? { x: left, y }
        : alignment === "right" ? { x: right - b.s.width, y }
        : alignment === "center" ? { x: (left + right) / 2 - b.s.width / 2, y }
        : alignment === "top" ? { x, y: top }
        : alignment === "bottom" ? { x, y: bottom - b.s.height }
        : { x, y: (top + bottom) / 2 - b.s.height / 2 };
      return [b.a.id, to] as const;
    }),
  );
  return moveActivities(definition, positions);
}

/** The activity types a definition uses that the server does not know. */
export function unknownTypes(definition: ElsaDefinition, descriptors: DescriptorMap): string[] {
  return [...new Set(definition.root.activities.map((a) => a.type).filter((t) => !descriptors.has(t)))];
}
