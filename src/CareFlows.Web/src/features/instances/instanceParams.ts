import { dayjs, organisationTimeZone } from "../../components/format";

/**
 * The instance list's address holds the `GET /api/instances` query, with the creation dates as days
 * (`createdFrom=2026-11-01&createdTo=2026-11-30`, both included, in the organisation's zone) rather than moments.
 */
export const instanceParamNames = ["definitionId", "status", "subStatus", "correlationId", "patient", "hasIncidents", "createdFrom", "createdTo", "sort", "page", "pageSize"] as const;
export const instanceFilterNames = ["definitionId", "status", "subStatus", "correlationId", "patient", "hasIncidents", "createdFrom", "createdTo"] as const;
export const defaultInstancePageSize = "25";

/** The server's order when none is asked for: newest first. */
export const defaultInstanceSort = "-created";

const sortNames: Record<string, string> = { created: "oldest first", "-created": "newest first", updated: "least recently changed first", "-updated": "most recently changed first", status: "by status", "-status": "by status, Z to A", definition: "by pathway id", "-definition": "by pathway id, Z to A" };

/** How the order reads in the list's summary line. */
export function describeInstanceSort(sort: string): string {
  return sortNames[sort] ?? sortNames[defaultInstanceSort];
}

export function instanceApiQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of instanceParamNames) {
    const value = params.get(name);
    if (!value) continue;
    if (name === "createdFrom") query[name] = dayjs.tz(value, organisationTimeZone()).toISOString();
    else if (name === "createdTo") query[name] = dayjs.tz(value, organisationTimeZone()).add(1, "day").toISOString();
    else query[name] = value;
  }
  query.pageSize ??= defaultInstancePageSize;
  return query;
}

/** The address after one change: back to the first page unless the page itself changed. */
export function withInstanceParam(current: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(current);
  if (value === null || value === "") next.delete(name);
  else next.set(name, value);
  if (name !== "page") next.delete("page");
  return next;
}
