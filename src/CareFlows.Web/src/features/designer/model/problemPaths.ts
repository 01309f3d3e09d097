import type { ElsaDefinition } from "../../../components/flow/elsa";

export interface ValidationProblem {
  path: string;
  message: string;
  code: string;
  severity: "Error" | "Warning" | string;
}

/** What a problem's JSON path points at in the designer: an activity (and which of its inputs), a connection, or the workflow. */
export type ProblemTarget =
  | { kind: "activity"; activityId: string; field?: string; index: number }
  | { kind: "connection"; index: number; sourceId?: string }
  | { kind: "workflow"; field?: string };

const activityPath = /^\$\.root\.activities\[(\d+)\](?:\.([A-Za-z_$][\w$]*))?/;
const connectionPath = /^\$\.root\.connections\[(\d+)\]/;
const workflowPath = /^\$(?:\.([A-Za-z_$][\w$]*))?/;

/** Activity paths are by index (`$.root.activities[3].title`); the designer works by id, so they are resolved here. */
export function problemTarget(definition: ElsaDefinition, path: string): ProblemTarget {
  const activity = activityPath.exec(path);
  if (activity) {
    const index = Number(activity[1]);
    const found = definition.root.activities[index];
    if (found) return { kind: "activity", activityId: found.id, field: activity[2], index };
  }
  const connection = connectionPath.exec(path);
  if (connection) {
    const index = Number(connection[1]);
    const found = definition.root.connections[index];
    const source = found && (typeof found.source === "string" ? found.source : found.source?.activity);
    return { kind: "connection", index, sourceId: source };
  }
  const workflow = workflowPath.exec(path);
  return { kind: "workflow", field: workflow?.[1] === "root" ? undefined : workflow?.[1] };
}

/** Error and warning counts per activity id, for the badges on the canvas. */
export function problemCounts(definition: ElsaDefinition, problems: readonly ValidationProblem[]) {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const problem of problems) {
    const target = problemTarget(definition, problem.path);
    const id = target.kind === "activity" ? target.activityId : target.kind === "connection" ? target.sourceId : undefined;
    if (!id) continue;
    const count = counts.get(id) ?? { errors: 0, warnings: 0 };
    if (problem.severity === "Error") count.errors++;
    else count.warnings++;
    counts.set(id, count);
  }
  return counts;
}

/** The id the property panel gives an input's editor, so a problem can move focus to it. */
export function inputFieldId(activityId: string, input: string) {
  return `input-${activityId}-${input}`.replace(/[^A-Za-z0-9_-]/g, "_");
}
