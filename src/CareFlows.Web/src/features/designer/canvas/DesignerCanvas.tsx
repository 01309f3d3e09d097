import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  applyNodeChanges,
  Background,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ActivityFlowNode, ActivityNodeData } from "../../../components/flow/ActivityNode";
import { nodeTypes } from "../../../components/flow/ActivityNode";
import { positionOf, type ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle, connectionEdges } from "../../../components/flow/flowModel";
import "../../../components/flow/flow.css";
import { connect, moveActivities, removeActivities, removeConnectionsAt, type Change } from "../model/document";
import { syncNodeData, syncNodes } from "./buildNodes";

export interface CanvasSelection {
  nodes: string[];
  edges: string[];
}

export const toolboxDragType = "application/x-careflows-activity";

export interface DesignerCanvasProps {
  document: ElsaDefinition;
  descriptors: DescriptorMap;
  selection: CanvasSelection;
  onSelectionChange(selection: CanvasSelection): void;
  apply(change: Change, coalesce?: string): void;
  onDropActivity(typeName: string, position: { x: number; y: number }): void;
  problems: ReadonlyMap<string, { errors: number; warnings: number }>;
  problemConnections: ReadonlySet<number>;
  /** Bumped to centre the canvas on an activity (a problem was clicked). */
  focus?: { activityId: string; nonce: number } | null;
  readOnly?: boolean;
}

// Props React Flow compares by identity are kept constant, so a drag frame updates nothing but the dragged nodes.
const snapGrid: [number, number] = [20, 20];
const proOptions = { hideAttribution: true };
const minimapStyle = { width: 160, height: 110 };
const ariaLabels = {
  "node.a11yDescription.default": "Press Enter or Space to select this activity, then the arrow keys to move it, Delete to remove it. Use Connect to… in the toolbar to connect it.",
};
const deleteKeys = ["Delete", "Backspace"];

/**
 * The editing canvas. Nodes are kept in local state while they are dragged and written to the definition only when
 * a drag ends (or a keyboard move happens), so a drag re-renders just the dragged nodes and nothing derived from
 * the document runs in the drag path.
 */
export function DesignerCanvas(props: DesignerCanvasProps) {
  const { document, descriptors, selection, onSelectionChange, apply, problems, problemConnections, readOnly } = props;
  const { screenToFlowPosition, fitView } = useReactFlow();
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const dataRef = useRef<ActivityNodeData[]>([]);
  const nodeData = useMemo(() => (dataRef.current = syncNodeData(dataRef.current, document, descriptors, problems)), [document, descriptors, problems]);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(() => syncNodes([], document, nodeData, selectedNodes));
  // A large pathway opens on its beginning, readable, rather than shrunk to fit; the minimap shows the whole.
  const [initialView] = useState(() => {
    const activities = document.root.activities;
    if (activities.length <= 12) return { padding: 0.2, maxZoom: 1 };
    const top = [...activities]
      .sort((a, b) => (positionOf(a)?.y ?? 0) - (positionOf(b)?.y ?? 0) || (positionOf(a)?.x ?? 0) - (positionOf(b)?.x ?? 0))
      .slice(0, 3)
      .map((a) => ({ id: a.id }));
    return { padding: 0.3, maxZoom: 1, nodes: top };
  });
  // The selection as last reported or received: a reported one reaches the props only when its transition commits.
  const selectionRef = useRef(selection);
  const receivedSelection = useRef(selection);
  if (receivedSelection.current !== selection) {
    receivedSelection.current = selection;
    selectionRef.current = selection;
  }

  useEffect(() => {
    setNodes((previous) => syncNodes(previous, document, nodeData, selectedNodes));
  }, [document, nodeData, selectedNodes]);

  const titles = useMemo(() => new Map(document.root.activities.map((a) => [a.id, activityTitle(a, descriptors)])), [document.root.activities, descriptors]);
  const edges = useMemo(() => {
    const all = connectionEdges(document, { problemIndexes: problemConnections, titles });
    return all.map((edge) => (selectedEdges.has(edge.id) ? { ...edge, selected: true } : edge));
  }, [document, problemConnections, titles, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      const moved = new Map<string, { x: number; y: number }>();
      let nodeSelection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "position" && change.position && !change.dragging) moved.set(change.id, change.position);
        if (change.type === "select") {
          nodeSelection ??= new Set(selectionRef.current.nodes);
          if (change.selected) nodeSelection.add(change.id);
          else nodeSelection.delete(change.id);
        }
      }
      setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), current));
      // The canvas already shows the moved nodes where they were dropped; the document, and all that is drawn from
      // it, follows in a transition that React renders between frames.
      if (moved.size > 0 && !readOnly) startTransition(() => apply((d) => moveActivities(d, moved), `move:${[...moved.keys()].sort().join(",")}`));
      // The canvas shows the selection at once; the rest of the designer follows when the frames being drawn allow,
      // so pressing an activity to drag it never holds up the drag.
      if (nodeSelection) {
        const next = { ...selectionRef.current, nodes: [...nodeSelection] };
        selectionRef.current = next;
        startTransition(() => onSelectionChange(next));
      }
    },
    [apply, onSelectionChange, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<Edge>[]) => {
      let edgeSelection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "select") {
          edgeSelection ??= new Set(selectionRef.current.edges);
          if (change.selected) edgeSelection.add(change.id);
          else edgeSelection.delete(change.id);
        }
      }
      if (edgeSelection) {
        const next = { ...selectionRef.current, edges: [...edgeSelection] };
        selectionRef.current = next;
        startTransition(() => onSelectionChange(next));
      }
    },
    [onSelectionChange],
  );

  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: ActivityFlowNode[]; edges: Edge[] }) => {
      if (readOnly) return;
      const ids = new Set(removedNodes.map((n) => n.id));
      const indexes = new Set(removedEdges.map((e) => (e.data as { index: number } | undefined)?.index).filter((i): i is number => typeof i === "number"));
      apply((d) => removeActivities(removeConnectionsAt(d, indexes), ids));
      onSelectionChange({ nodes: [], edges: [] });
    },
    [apply, onSelectionChange, readOnly],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.sourceHandle) apply((d) => connect(d, c.source, c.sourceHandle!, c.target));
    },
    [apply],
  );

  const isValidConnection = useCallback((c: Connection | Edge) => c.source !== c.target && (c.targetHandle ?? "In") === "In", []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(toolboxDragType)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    }
  }, []);

  const { onDropActivity } = props;
  const onDrop = useCallback(
    (event: DragEvent) => {
      const typeName = event.dataTransfer.getData(toolboxDragType);
      if (!typeName || readOnly) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onDropActivity(typeName, { x: point.x - 120, y: point.y - 30 });
    },
    [onDropActivity, readOnly, screenToFlowPosition],
  );

  const focus = props.focus;
  useEffect(() => {
    if (focus) void fitView({ nodes: [{ id: focus.activityId }], maxZoom: 1.1, duration: 300 });
  }, [focus, fitView]);

  return (
    <div style={{ height: "100%", width: "100%" }} onDragOver={onDragOver} onDrop={onDrop} data-testid="designer-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : deleteKeys}
        snapToGrid
        snapGrid={snapGrid}
        connectionLineType={ConnectionLineType.SmoothStep}
        fitView
        fitViewOptions={initialView}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={document.root.activities.length > 150}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabels}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Overview of the pathway" style={minimapStyle} />
        <Controls aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}
