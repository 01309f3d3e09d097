import { MarkerType, type Edge } from "@xyflow/react";
import type { DescriptorMap } from "./activityDescriptors";
import type { ActivityFlowNode, ActivityNodeData, ActivityRunStatus } from "./ActivityNode";
import { connectionEnds, positionOf, sizeOf, type ElsaActivity, type ElsaConnection, type ElsaDefinition } from "./elsa";
import { portsOf } from "./outcomes";

export const defaultNodeSize = { width: 240, height: 60 };

/** Where an activity without a stored position is drawn: a grid, so nothing overlaps. */
export function fallbackPosition(index: number) {
  return { x: (index % 4) * 320, y: Math.floor(index / 4) * 160 };
}

/** The words an activity is known by: its display text, else its name, else its type's display name. */
export function activityTitle(activity: ElsaActivity, descriptors?: DescriptorMap): string {
  const text = activity.metadata?.displayText;
  if (typeof text === "string" && text.trim()) return text;
  if (typeof activity.name === "string" && activity.name.trim()) return activity.name;
  return descriptors?.get(activity.type)?.displayName ?? activity.type;
}

export interface NodeOptions {
  descriptors?: DescriptorMap;
  status?: Readonly<Record<string, ActivityRunStatus | string>>;
  problems?: ReadonlyMap<string, { errors: number; warnings: number }>;
}

const noInput = new Set(["Elsa.Start"]);

export function nodeData(activity: ElsaActivity, connections: readonly ElsaConnection[], options: NodeOptions): ActivityNodeData {
  const descriptor = options.descriptors?.get(activity.type);
  const status = options.status?.[activity.id];
  const problems = options.problems?.get(activity.id);
  return {
    activity,
    title: activityTitle(activity, options.descriptors),
    typeLabel: descriptor?.displayName ?? `${activity.type} (unknown type)`,
    category: descriptor?.category ?? "",
    ports: portsOf(activity, descriptor, connections),
    hasInput: !noInput.has(activity.type),
    status: status === "done" || status === "active" || status === "faulted" ? status : undefined,
    errors: problems?.errors,
    warnings: problems?.warnings,
  };
}

export function activityNode(activity: ElsaActivity, index: number, data: ActivityNodeData, selected = false): ActivityFlowNode {
  const size = sizeOf(activity) ?? defaultNodeSize;
  return {
    id: activity.id,
    type: "activity",
    position: positionOf(activity) ?? fallbackPosition(index),
    data,
    selected,
    width: size.width,
    style: { width: size.width, minHeight: size.height },
    ariaLabel: `${data.title}, ${data.typeLabel}${data.status ? `, ${data.status}` : ""}${data.errors ? `, ${data.errors} errors` : ""}`,
  };
}

export function edgeId(connection: ElsaConnection, index: number) {
  const ends = connectionEnds(connection);
  return `c${index}:${ends.source}:${ends.sourcePort}->${ends.target}`;
}

export interface EdgeOptions {
  taken?: ReadonlySet<string>;
  problemIndexes?: ReadonlySet<number>;
  titles?: ReadonlyMap<string, string>;
}

/** A connection as an edge: from the source's outcome port to the target's In port. */
export function connectionEdges(definition: ElsaDefinition, options: EdgeOptions = {}): Edge[] {
  const ids = new Set(definition.root.activities.map((a) => a.id));
  return definition.root.connections.flatMap((connection, index) => {
    const ends = connectionEnds(connection);
    if (!ids.has(ends.source) || !ids.has(ends.target)) return [];
    const taken = options.taken?.has(`${ends.source}|${ends.sourcePort}|${ends.target}`);
    const problem = options.problemIndexes?.has(index);
    return [
      {
        id: edgeId(connection, index),
        source: ends.source,
        sourceHandle: ends.sourcePort,
        target: ends.target,
        targetHandle: "In",
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        className: problem ? "cf-edge-problem" : taken ? "cf-edge-taken" : undefined,
        ariaLabel: `Connection from ${options.titles?.get(ends.source) ?? ends.source} (${ends.sourcePort}) to ${options.titles?.get(ends.target) ?? ends.target}${taken ? ", taken" : ""}`,
        data: { index },
      } satisfies Edge,
    ];
  });
}
