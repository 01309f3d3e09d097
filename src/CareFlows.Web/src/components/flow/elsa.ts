/**
 * The Elsa 3 workflow-definition JSON as CareFlows stores it (see ELSA-FORMAT.md §1). The designer edits this very
 * object: every field it does not know is carried along untouched, so a definition opened and saved without changes
 * comes back as it went in.
 */
export interface ElsaExpression {
  type?: string | null;
  value?: unknown;
}

/** An input: `{"typeName": "String", "expression": {"type": "Literal", "value": "…"}}`; without `expression` it is unset. */
export interface ElsaInput {
  typeName: string;
  expression?: ElsaExpression | null;
  [other: string]: unknown;
}

export interface DesignerMetadata {
  position?: { x: number; y: number };
  size?: { width: number; height: number };
  [other: string]: unknown;
}

export interface ActivityMetadata {
  designer?: DesignerMetadata;
  displayText?: string | null;
  description?: string | null;
  showDescription?: boolean;
  [other: string]: unknown;
}

export interface ElsaActivity {
  id: string;
  nodeId?: string;
  name?: string | null;
  type: string;
  version?: number;
  customProperties?: Record<string, unknown>;
  metadata?: ActivityMetadata;
  [inputOrOutput: string]: unknown;
}

/** The current connection shape, and the 3.0 one (`sourcePort` as a string) that readers still accept. */
export interface ElsaConnection {
  source: { activity: string; port: string } | string;
  target: { activity: string; port: string } | string;
  sourcePort?: string;
  targetPort?: string;
  vertices?: { x: number; y: number }[];
  [other: string]: unknown;
}

export interface ElsaFlowchart {
  type: string;
  id: string;
  activities: ElsaActivity[];
  connections: ElsaConnection[];
  [other: string]: unknown;
}

export interface ElsaVariable {
  id: string;
  name: string;
  typeName: string;
  isArray?: boolean;
  value?: string | null;
  storageDriverTypeName?: string | null;
  [other: string]: unknown;
}

export interface ElsaDefinition {
  id?: string;
  definitionId?: string;
  name?: string | null;
  description?: string | null;
  version?: number;
  variables?: ElsaVariable[];
  root: ElsaFlowchart;
  [other: string]: unknown;
}

/** The fields every activity has; all its other properties are inputs and outputs. */
export const commonActivityKeys = new Set(["id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously"]);

export interface ConnectionEnds {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

/** Both connection formats read the same way. */
export function connectionEnds(connection: ElsaConnection): ConnectionEnds {
  const source = connection.source;
  const target = connection.target;
  if (typeof source === "string" || typeof target === "string") {
    return {
      source: typeof source === "string" ? source : source?.activity,
      sourcePort: connection.sourcePort ?? (typeof source === "object" ? source?.port : undefined) ?? "Done",
      target: typeof target === "string" ? target : target?.activity,
      targetPort: connection.targetPort ?? (typeof target === "object" ? target?.port : undefined) ?? "In",
    };
  }
  return { source: source?.activity, sourcePort: source?.port ?? "Done", target: target?.activity, targetPort: target?.port ?? "In" };
}

/** The flowchart of a definition, or an empty one for a definition whose root is missing or of another kind. */
export function flowchartOf(definition: ElsaDefinition | null | undefined): ElsaFlowchart {
  const root = definition?.root;
  return {
    ...(root ?? { type: "Elsa.Flowchart", id: "flowchart" }),
    activities: Array.isArray(root?.activities) ? root.activities : [],
    connections: Array.isArray(root?.connections) ? root.connections : [],
  } as ElsaFlowchart;
}

export function positionOf(activity: ElsaActivity): { x: number; y: number } | undefined {
  const position = activity.metadata?.designer?.position;
  return position && typeof position.x === "number" && typeof position.y === "number" ? position : undefined;
}

export function sizeOf(activity: ElsaActivity): { width: number; height: number } | undefined {
  const size = activity.metadata?.designer?.size;
  return size && typeof size.width === "number" && typeof size.height === "number" ? size : undefined;
}
