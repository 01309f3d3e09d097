/** How one field of an entity changed between the record's before and after. */
export type FieldChange = "added" | "removed" | "changed" | "unchanged";

export interface DiffRow {
  /** The field, nested fields joined by dots and array items by index: `teams[0].name`. */
  path: string;
  before: string | undefined;
  after: string | undefined;
  change: FieldChange;
}

/** Where a value sits at the top when it is not an object (a bare number or string). */
export const rootPath = "(value)";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every leaf of a JSON value by its path; empty objects and arrays are leaves too, so that they show. */
function flatten(value: unknown, path: string, into: Map<string, string>) {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((child, index) => flatten(child, `${path}[${index}]`, into));
  } else {
    into.set(path || rootPath, JSON.stringify(value));
  }
  return into;
}

/**
 * The entity before and after, field by field, in the order the fields come (the after's order, then what only the
 * before had): what an auditor reads to see what a change did, without comparing two dumps by eye.
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const old = before === null || before === undefined ? new Map<string, string>() : flatten(before, "", new Map());
  const now = after === null || after === undefined ? new Map<string, string>() : flatten(after, "", new Map());
  const paths = [...now.keys(), ...[...old.keys()].filter((path) => !now.has(path))];
  return paths.map((path) => {
    const b = old.get(path);
    const a = now.get(path);
    const change: FieldChange = b === undefined ? "added" : a === undefined ? "removed" : a === b ? "unchanged" : "changed";
    return { path, before: b, after: a, change };
  });
}
