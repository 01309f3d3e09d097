import { dayjs, organisationTimeZone } from "../../components/format";

/**
 * The inbox's state lives in its URL so that a view can be shared: the address's parameters are the
 * `GET /api/tasks` query itself, except `dueBefore`, which the address holds as a date (`2026-12-01`, the start of
 * that day in the organisation's zone) and the API as a moment. `task` is the task open beside the list and `filter`
 * the saved filter the view came from.
 */
export const apiParamNames = ["queue", "team", "pathway", "priority", "patient", "status", "dueBefore", "overdue", "followUpReached", "sort", "page", "pageSize"] as const;
/** The parameters that narrow a queue; clearing the filters removes these. */
export const narrowingParamNames = ["pathway", "priority", "patient", "status", "dueBefore", "overdue", "followUpReached"] as const;

export type Queue = "mine" | "team" | "all";
export const defaultPageSize = 25;
export const pageSizes = ["10", "25", "50", "100"];

/** Where a user lands: those who work tasks see their own, those who only read see every open task. */
export function defaultQueue(canWork: boolean): Queue {
  return canWork ? "mine" : "all";
}

export function dueBeforeToApi(date: string): string {
  return dayjs.tz(date, organisationTimeZone()).toISOString();
}

export function dueBeforeFromApi(moment: string): string {
  const parsed = dayjs(moment);
  return parsed.isValid() ? parsed.tz(organisationTimeZone()).format("YYYY-MM-DD") : "";
}

/** The `GET /api/tasks` query the address asks for. */
export function apiQuery(params: URLSearchParams, fallbackQueue: Queue): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of apiParamNames) {
    const value = params.get(name);
    if (value) query[name] = name === "dueBefore" ? dueBeforeToApi(value) : value;
  }
  query.queue ??= fallbackQueue;
  query.pageSize ??= String(defaultPageSize);
  return query;
}

/** The query a saved filter keeps: the view without its page, so it opens at the first. */
export function savedQueryOf(params: URLSearchParams, fallbackQueue: Queue): string {
  const query = apiQuery(params, fallbackQueue);
  delete query.page;
  return new URLSearchParams(query).toString();
}

/** The address parameters that show a saved filter's query. */
export function paramsOfSaved(filterId: string, query: string): URLSearchParams {
  const saved = new URLSearchParams(query);
  const params = new URLSearchParams();
  for (const name of apiParamNames) {
    const value = saved.get(name);
    if (!value || name === "page") continue;
    params.set(name, name === "dueBefore" ? dueBeforeFromApi(value) : value);
  }
  params.set("filter", filterId);
  return params;
}

export interface QueuePreset {
  key: string;
  label: string;
  params: Record<string, string>;
}

/** The fixed views of the left pane, as Camunda's Tasklist offers them. */
export function queuePresets(teams: { id: string; name: string }[], canWork: boolean): { personal: QueuePreset[]; teams: QueuePreset[]; shared: QueuePreset[] } {
  return {
    personal: canWork
      ? [
          { key: "mine", label: "My tasks", params: { queue: "mine" } },
          ...(teams.length > 0 ? [{ key: "unassigned", label: "Unassigned", params: { queue: "team" } }] : []),
        ]
      : [],
    teams: teams.map((team) => ({ key: `team:${team.id}`, label: team.name, params: { queue: "team", team: team.id } })),
    shared: [
      { key: "open", label: "All open", params: { queue: "all" } },
      { key: "completed", label: "Completed", params: { queue: "all", status: "completed" } },
    ],
  };
}

/** Which preset the address shows, if it shows one exactly (a saved filter or extra narrowing is no preset). */
export function activePresetKey(params: URLSearchParams, fallbackQueue: Queue): string | null {
  if (params.get("filter")) return null;
  const queue = params.get("queue") || fallbackQueue;
  const team = params.get("team");
  const status = params.get("status");
  if (queue === "mine" && !team && !status) return "mine";
  if (queue === "team" && !status) return team ? `team:${team}` : "unassigned";
  if (queue === "all" && !team && !status) return "open";
  if (queue === "all" && !team && status === "completed") return "completed";
  return null;
}

/** The address for a preset: its queue, the sort and page size kept, the narrowing filters dropped. */
export function paramsForPreset(current: URLSearchParams, preset: QueuePreset): URLSearchParams {
  const next = new URLSearchParams(preset.params);
  for (const keep of ["sort", "pageSize"]) {
    const value = current.get(keep);
    if (value) next.set(keep, value);
  }
  return next;
}

/** The address after changing one parameter: back to the first page, since the list it pages through changed. */
export function withParam(current: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(current);
  if (value === null || value === "") next.delete(name);
  else next.set(name, value);
  if (name !== "page" && name !== "task") next.delete("page");
  if ((narrowingParamNames as readonly string[]).includes(name) || name === "queue" || name === "team") next.delete("filter");
  return next;
}
