import { ApiError } from "../../../api/problem";

/** One message of a refused form, with the field it belongs to when the form has that field. */
export interface FormError {
  /** The form's own name for the field (`email`, `roles`), or null for an error about the whole request. */
  field: string | null;
  message: string;
}

/**
 * The server's refusal of a form as messages by field. Keys are JSON paths (`$.roles[1]`, `$.email`): an index
 * belongs to its list's field, and a key the form does not know stays in the summary without a link.
 */
export function formErrors(error: unknown, fields: readonly string[], options: { conflictField?: string } = {}): FormError[] {
  if (!(error instanceof ApiError)) return [];
  const byKey = error.fieldErrors();
  const result: FormError[] = [];
  for (const [key, messages] of Object.entries(byKey)) {
    const root = key.split(/[.[]/)[0];
    const field = fields.includes(root) ? root : null;
    for (const message of messages) result.push({ field, message });
  }
  if (result.length === 0 && (error.status === 400 || error.status === 409 || error.status === 422)) {
    // A conflict names no field, but in a form it is usually one value that is taken (an email, a team name).
    const field = error.status === 409 && options.conflictField ? options.conflictField : null;
    result.push({ field, message: error.message });
  }
  return result;
}

/** The first message for each field, to show beside it. */
export function errorsByField(errors: readonly FormError[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, message } of errors) {
    if (field && !(field in result)) result[field] = message;
  }
  return result;
}
