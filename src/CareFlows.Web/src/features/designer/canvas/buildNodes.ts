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
 * The canvas's nodes for a definition, re-using every previous node object whose activity, data and selection did
 * not change, so that React Flow and the memoized node component re-render only what changed.
 */
export function syncNodes(
  previous: readonly ActivityFlowNode[],
  definition: ElsaDefinition,
  descriptors: DescriptorMap,
  selected: ReadonlySet<string>,
  problems: ReadonlyMap<string, { errors: number; warnings: number }>,
): ActivityFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const { activities, connections } = definition.root;
  let changed = previous.length !== activities.length;
  const next = activities.map((activity, index) => {
    const old = byId.get(activity.id);
    const data = nodeData(activity, connections, { descriptors, problems });
    const stable = old && sameData(old.data, data) ? old.data : data;
    const isSelected = selected.has(activity.id);
    const fresh = activityNode(activity, index, stable, isSelected);
    if (old && old.data === stable && !!old.selected === isSelected && old.position.x === fresh.position.x && old.position.y === fresh.position.y && old.width === fresh.width && previous[index] === old) {
      return old;
    }
    changed = true;
    return old?.measured ? { ...fresh, measured: old.measured } : fresh;
  });
  return changed ? next : (previous as ActivityFlowNode[]);
}
