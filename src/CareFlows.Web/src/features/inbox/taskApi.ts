import { del, get, post } from "../../api/client";
import type { InboxTask, SavedFilter, TaskCounts, TaskHistoryEntry, TaskPage } from "./taskTypes";

/**
 * Query keys. Everything about tasks lives under `["tasks"]`, which the live stream marks stale on every change;
 * saved filters do not change with tasks, so they live apart.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: ["tasks", "list"] as const,
  list: (query: Record<string, string>) => ["tasks", "list", query] as const,
  counts: ["tasks", "counts"] as const,
  detail: (id: string) => ["tasks", "detail", id] as const,
  history: (id: string) => ["tasks", "history", id] as const,
  whoAmI: ["tasks", "who-am-i"] as const,
};
export const savedFilterKey = ["saved-filters"] as const;

export const fetchTasks = (query: Record<string, string>, signal?: AbortSignal) => get<TaskPage>("/api/tasks", { query, signal });
export const fetchCounts = () => get<TaskCounts>("/api/tasks/counts");
export const fetchTask = (id: string) => get<InboxTask>(`/api/tasks/${encodeURIComponent(id)}`);
export const fetchHistory = (id: string) => get<TaskHistoryEntry[]>(`/api/tasks/${encodeURIComponent(id)}/history`);

const change = (id: string, action: string, body?: unknown) => post<InboxTask>(`/api/tasks/${encodeURIComponent(id)}/${action}`, body ?? {});

export const taskCommands = {
  claim: (id: string) => change(id, "claim"),
  unclaim: (id: string) => change(id, "unclaim"),
  reassign: (id: string, to: { user?: string; team?: string }) => change(id, "reassign", to),
  delegate: (id: string, user: string) => change(id, "delegate", { user }),
  hold: (id: string, reason: string | null) => change(id, "hold", { reason }),
  release: (id: string) => change(id, "release"),
  comment: (id: string, text: string) => change(id, "comments", { text }),
  attempt: (id: string, attempt: { at?: string | null; channel: string | null; result: string | null; note?: string | null }) => change(id, "attempts", attempt),
  complete: (id: string, outcome: string | null, data: unknown) => change(id, "complete", { outcome, data }),
};

export const savedFilters = {
  list: () => get<SavedFilter[]>("/api/tasks/filters"),
  save: (name: string, query: string) => post<SavedFilter>("/api/tasks/filters", { name, query }),
  remove: (id: string) => del<void>(`/api/tasks/filters/${encodeURIComponent(id)}`),
};
