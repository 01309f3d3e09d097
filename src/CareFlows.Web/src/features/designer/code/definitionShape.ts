import type { ElsaDefinition } from "../../../components/flow/elsa";

/** Where a JSON.parse error is, as a line and column, from the offset browsers put in their message. */
function positionOf(text: string, message: string): string {
  const offset = /position (\d+)/.exec(message)?.[1];
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  if (offset === undefined) return "";
  const before = text.slice(0, Number(offset));
  const line = before.split("\n").length;
  const column = Number(offset) - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

export type ShapeCheck = { ok: true; definition: ElsaDefinition } | { ok: false; errors: string[] };

/**
 * Reads text as a flowchart definition, saying by JSON path what keeps it from being one. The server checks the rest
 * (types, inputs, connections) once it is on the canvas.
 */
export function checkDefinitionShape(text: string): ShapeCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = positionOf(text, message);
    return { ok: false, errors: [`$: the text is not valid JSON${where ? ` (${where})` : ""}: ${message}`] };
  }
  const errors: string[] = [];
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { ok: false, errors: ["$: a definition is a JSON object."] };
  const definition = parsed as Record<string, unknown>;
  const root = definition.root as Record<string, unknown> | undefined;
  if (!root || typeof root !== "object" || Array.isArray(root)) errors.push("$.root: a definition needs a root flowchart.");
  else {
    if (root.type !== "Elsa.Flowchart") errors.push(`$.root.type: the designer edits flowcharts ('Elsa.Flowchart'), not '${String(root.type)}'.`);
    if (typeof root.id !== "string" || !root.id) errors.push("$.root.id: the flowchart needs an id.");
    if (root.activities !== undefined && !Array.isArray(root.activities)) errors.push("$.root.activities: must be an array.");
    if (root.connections !== undefined && !Array.isArray(root.connections)) errors.push("$.root.connections: must be an array.");
    const ids = new Set<string>();
    (Array.isArray(root.activities) ? root.activities : []).forEach((activity: unknown, i: number) => {
      const a = activity as Record<string, unknown> | null;
      if (!a || typeof a !== "object") errors.push(`$.root.activities[${i}]: an activity is an object.`);
      else {
        if (typeof a.id !== "string" || !a.id) errors.push(`$.root.activities[${i}].id: an activity needs an id.`);
        else if (ids.has(a.id)) errors.push(`$.root.activities[${i}].id: '${a.id}' is used by another activity.`);
        else ids.add(a.id);
        if (typeof a.type !== "string" || !a.type) errors.push(`$.root.activities[${i}].type: an activity needs a type.`);
      }
    });
  }
  if (errors.length) return { ok: false, errors };
  const flowchart = root as Record<string, unknown>;
  return {
    ok: true,
    definition: {
      ...definition,
      root: { ...flowchart, activities: flowchart.activities ?? [], connections: flowchart.connections ?? [] },
    } as ElsaDefinition,
  };
}
