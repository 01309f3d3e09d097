import { ApiError } from "../../api/problem";
import { fieldId, type FormDefinition } from "./formDefinition";
import type { SummaryError } from "./ErrorSummary";

/**
 * A refused completion split for the page: messages by field key (from `$.data.<key>`), and the summary list linking
 * each to its input; messages about anything else (the outcome, the whole request) are listed without a link.
 */
export function completionErrors(error: unknown, form: FormDefinition, idPrefix = "field") {
  const byField: Record<string, string[]> = {};
  const summary: SummaryError[] = [];
  if (!(error instanceof ApiError)) return { byField, summary };
  const data = error.fieldErrors("data.");
  for (const field of form.fields) {
    const messages = data[field.key];
    if (!messages) continue;
    byField[field.key] = messages;
    messages.forEach((message) => summary.push({ targetId: fieldId(idPrefix, field.key), message }));
  }
  for (const [path, messages] of Object.entries(error.fieldErrors())) {
    const key = path.startsWith("data.") ? path.slice(5) : null;
    if (key !== null && form.fields.some((f) => f.key === key)) continue;
    messages.forEach((message) => summary.push({ message }));
  }
  if (summary.length === 0) summary.push({ message: error.message });
  return { byField, summary };
}
