import { useMemo } from "react";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { Center, Loader } from "@mantine/core";
import { useActivityDescriptors, type DescriptorMap } from "./activityDescriptors";
import { nodeTypes, type ActivityRunStatus } from "./ActivityNode";
import { flowchartOf, type ElsaDefinition } from "./elsa";
import { activityNode, activityTitle, connectionEdges, nodeData } from "./flowModel";
import "./flow.css";

const proOptions = { hideAttribution: true };

export interface ExecutedConnection {
  source: string;
  sourcePort: string;
  target: string;
}

export interface WorkflowDiagramProps {
  /** The Elsa 3 definition JSON. */
  definition: ElsaDefinition;
  /** Per activity id: done, active (waiting) or faulted. */
  activityStatus?: Readonly<Record<string, ActivityRunStatus | string>>;
  /** The connections a run followed, drawn thicker. */
  executedConnections?: readonly ExecutedConnection[];
  /** Defaults to the server's `/api/activities`. */
  descriptors?: DescriptorMap;
  /** Called with an activity's id when it is clicked or chosen with the keyboard. */
  onSelectActivity?: (activityId: string | null) => void;
  selectedActivityId?: string | null;
  height?: number | string;
  "aria-label"?: string;
}

/**
 * A definition drawn read-only, as the designer draws it, with each activity's run status in words and an icon (not
 * colour alone) and the path taken highlighted. The instance view and the designer's test run both use it.
 */
export function WorkflowDiagram(props: WorkflowDiagramProps) {
  const fetched = useActivityDescriptors();
  const descriptors = props.descriptors ?? fetched.data;
  if (!descriptors) {
    return (
      <Center h={props.height ?? 480}>
        <Loader aria-label="Loading the diagram" />
      </Center>
    );
  }
  return (
    <ReactFlowProvider>
      <Diagram {...props} descriptors={descriptors} />
    </ReactFlowProvider>
  );
}

function Diagram({ definition, activityStatus, executedConnections, descriptors, onSelectActivity, selectedActivityId, height = 480, ...rest }: WorkflowDiagramProps & { descriptors: DescriptorMap }) {
  const flowchart = useMemo(() => flowchartOf(definition), [definition]);
  const nodes = useMemo(
    () =>
      flowchart.activities.map((activity, index) =>
        activityNode(activity, index, nodeData(activity, flowchart.connections, { descriptors, status: activityStatus }), activity.id === selectedActivityId),
      ),
    [flowchart, descriptors, activityStatus, selectedActivityId],
  );
  const edges = useMemo(() => {
    const taken = new Set((executedConnections ?? []).map((c) => `${c.source}|${c.sourcePort}|${c.target}`));
    const titles = new Map(flowchart.activities.map((a) => [a.id, activityTitle(a, descriptors)]));
    return connectionEdges({ ...definition, root: flowchart }, { taken, titles });
  }, [definition, flowchart, executedConnections, descriptors]);

  return (
    <div style={{ height, width: "100%" }} role="group" aria-label={rest["aria-label"] ?? `Diagram of ${definition.name ?? "the pathway"}`} data-testid="workflow-diagram">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={!!onSelectActivity}
        onNodeClick={(_, node) => onSelectActivity?.(node.id)}
        onPaneClick={() => onSelectActivity?.(null)}
        fitView
        minZoom={0.1}
        proOptions={proOptions}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Overview of the diagram" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
