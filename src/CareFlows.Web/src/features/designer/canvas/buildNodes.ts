import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ActivityFlowNode, ActivityNodeData } from "../../../components/flow/ActivityNode";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { activityNode, nodeData } from "../../../components/flow/flowModel";

function samePorts(a: ActivityNodeData["ports"], b: ActivityNodeData["ports"]) {
  return a.length === b.length && a.every((p, i) => p.name === b[i].name && p.unknown === b[i].unknown);
}

function sameData(a: ActivityNodeData, b: ActivityNodeData) {
  return (
    a.activity === b.activity &&
    a.title === b.title &&
    a.typeLabel === b.typeLabel &&
    a.category === b.category &&
    a.hasInput === b.hasInput &&
    a.status === b.status &&
    a.errors === b.errors &&
    a.warnings === b.warnings &&
    samePorts(a.ports, b.ports)
  );
}

/**
 * What each activity's node shows, in document order, re-using the previous data object of every activity whose
 * display did not change, so that the memoized node component re-renders only what changed.
 */
export function syncNodeData(
  previous: readonly ActivityNodeData[],
  definition: ElsaDefinition,
  descriptors: DescriptorMap,
  problems: ReadonlyMap<string, { errors: number; warnings: number }>,
): ActivityNodeData[] {
  const byId = new Map(previous.map((d) => [d.activity.id, d]));
  const { activities, connections } = definition.root;
  return activities.map((activity) => {
    const data = nodeData(activity, connections, { descriptors, problems });
    const old = byId.get(activity.id);
    return old && sameData(old, data) ? old : data;
  });
}

/**
 * The canvas's nodes from their data and the selection, re-using every previous node object that did not change.
 * Selecting touches no activity's data, so a press that selects an activity costs one pass of comparisons.
 */
export function syncNodes(
  previous: readonly ActivityFlowNode[],
  definition: ElsaDefinition,
  data: readonly ActivityNodeData[],
  selected: ReadonlySet<string>,
): ActivityFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const { activities } = definition.root;
  let changed = previous.length !== activities.length;
  const next = activities.map((activity, index) => {
    const old = byId.get(activity.id);
    const isSelected = selected.has(activity.id);
    if (old && old.data === data[index] && !!old.selected === isSelected && previous[index] === old) {
      return old;
    }
    changed = true;
    const fresh = activityNode(activity, index, data[index], isSelected);
    return old?.measured && old.width === fresh.width ? { ...fresh, measured: old.measured } : fresh;
  });
  return changed ? next : (previous as ActivityFlowNode[]);
}

/** The nodes of a definition at once, for a first render and for tests. */
export function buildNodes(
  definition: ElsaDefinition,
  descriptors: DescriptorMap,
  selected: ReadonlySet<string>,
  problems: ReadonlyMap<string, { errors: number; warnings: number }>,
): ActivityFlowNode[] {
  return syncNodes([], definition, syncNodeData([], definition, descriptors, problems), selected);
}
