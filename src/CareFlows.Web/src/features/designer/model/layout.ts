import dagre from "@dagrejs/dagre";
import { connectionEnds, sizeOf, type ElsaDefinition } from "../../../components/flow/elsa";
import { defaultNodeSize } from "../../../components/flow/flowModel";
import { moveActivities } from "./document";

/**
 * Lays the flowchart out top to bottom with dagre, leaving room below each activity for its port labels. Only the
 * positions change, so the layout can be undone like any other edit.
 */
export function autoLayout(definition: ElsaDefinition): ElsaDefinition {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const activity of definition.root.activities) {
    const size = sizeOf(activity) ?? defaultNodeSize;
    graph.setNode(activity.id, { width: size.width, height: size.height + 24 });
  }
  for (const connection of definition.root.connections) {
    const { source, target } = connectionEnds(connection);
    if (graph.hasNode(source) && graph.hasNode(target)) graph.setEdge(source, target);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const activity of definition.root.activities) {
    const node = graph.node(activity.id);
    const size = sizeOf(activity) ?? defaultNodeSize;
    // dagre gives centres; Elsa stores the top-left corner.
    if (node) positions.set(activity.id, { x: node.x - size.width / 2, y: node.y - (size.height + 24) / 2 });
  }
  return moveActivities(definition, positions);
}
