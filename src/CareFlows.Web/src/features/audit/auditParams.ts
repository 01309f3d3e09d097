import { dayjs, organisationTimeZone } from "../../components/format";

/**
 * The audit page's address holds the `GET /api/audit/records` query, so that a search can be shared. The time range
 * is written as local times in the organisation's zone (`from=2026-11-01T08:00`), as the fields show it, and sent
 * to the server as moments.
 */
export const auditFilterNames = [
  "from",
  "to",
  "actor",
  "actorType",
  "patient",
  "entityType",
  "entityId",
  "instance",
  "definition",
  "operation",
  "action",
  "outcome",
  "correlationId",
] as const;
export const auditParamNames = [...auditFilterNames, "sort", "page", "pageSize"] as const;

export const defaultAuditSort = "-sequence";
export const defaultAuditPageSize = "50";
export const auditPageSizes = ["25", "50", "100", "250", "500"];

/** A local time in the organisation's zone as the moment the server compares with; as typed when it is not a time. */
export function toMoment(local: string): string {
  const moment = dayjs.tz(local, organisationTimeZone());
  return moment.isValid() ? moment.toISOString() : local;
}

/** The filters alone, as the server takes them (the exports take these and no order or page). */
export function auditFilterQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of auditFilterNames) {
    const value = params.get(name);
    if (!value) continue;
    query[name] = name === "from" || name === "to" ? toMoment(value) : value;
  }
  return query;
}

/** The search's whole query: its filters, order and page. */
export function auditApiQuery(params: URLSearchParams): Record<string, string> {
  const query = auditFilterQuery(params);
  for (const name of ["sort", "page", "pageSize"]) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  query.pageSize ??= defaultAuditPageSize;
  return query;
}

/** The address after one change: back to the first page unless the page itself changed. */
export function withAuditParams(current: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
  }
  if (!("page" in changes)) next.delete("page");
  return next;
}

/** The address of the audit search narrowed to `filters`, for links from records and timelines. */
export function auditSearchPath(filters: Record<string, string>): string {
  return `/audit?${new URLSearchParams(filters).toString()}`;
}
