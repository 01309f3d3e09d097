import { ApiError } from "../../../api/problem";

/** Whether a failure is the server refusing what was typed (shown by field), rather than one to show as an alert. */
export function isFormError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 409 || error.status === 422);
}
