/** An RFC 7807 problem as the server sends it: `errors` are keyed by JSON path (`$.data.reason`) or parameter name. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A refused or failed request, carrying the server's problem so pages can say what happened and map field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Field errors with the leading `$.` and an optional prefix (such as `data.`) removed: `{ reason: ["…"] }`. */
  fieldErrors(prefix = ""): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [path, messages] of Object.entries(this.problem.errors ?? {})) {
      const key = path.replace(/^\$\.?/, "");
      if (key.startsWith(prefix)) {
        result[key.slice(prefix.length)] = messages;
      }
    }
    return result;
  }
}

/** The sentence to show for any failure: the server's own words when it sent a problem, else a plain one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return "The server could not be reached. Check your connection and try again.";
    if (error.status === 403) return error.problem.detail ?? "Your role does not allow this.";
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}
