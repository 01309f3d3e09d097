import { del, get, post } from "../../../api/client";
import type { ElsaDefinition } from "../../../components/flow/elsa";

export interface TestRunJournalEntry {
  sequence: number;
  timestamp: string;
  activityId?: string | null;
  activityType?: string | null;
  activityName?: string | null;
  eventName: string;
  message?: string | null;
}

export interface TestRunTask {
  id: string;
  activityId: string;
  title?: string | null;
  instructions?: string | null;
  priority?: string | null;
  dueAt?: string | null;
  status: "ready" | "completed" | string;
  outcome?: string | null;
  outcomes: string[];
  /** The form as the definition holds it. */
  form?: unknown;
}

/** A run of the designer's copy on a simulated clock; nothing in it touches real instances. */
export interface TestRun {
  id: string;
  definitionId: string;
  status: string;
  subStatus: string;
  now: string;
  startedAt: string;
  variables: Record<string, unknown>;
  output: Record<string, unknown>;
  journal: TestRunJournalEntry[];
  timers: { bookmarkId: string; activityId: string; dueAt: string; deadline?: string | null }[];
  events: { bookmarkId: string; activityId: string; eventName: string; correlationKey?: string | null }[];
  tasks: TestRunTask[];
  incidents: { activityId?: string | null; message: string }[];
  activityStatus: Record<string, "done" | "active" | "faulted" | string>;
  executedConnections?: { source: string; sourcePort: string; target: string }[];
}

const run = (runId: string) => `/api/test-runs/${encodeURIComponent(runId)}`;

export const startTestRun = (definitionId: string, definition: ElsaDefinition, input: unknown, startAt?: string) =>
  post<TestRun>(`/api/definitions/${encodeURIComponent(definitionId)}/test-runs`, { definition, input, ...(startAt ? { startAt } : {}) });

export const getTestRun = (runId: string, signal?: AbortSignal) => get<TestRun>(run(runId), { signal });

/** To the next timer, or by a .NET TimeSpan such as `1.00:00:00`. */
export const advanceTestRun = (runId: string, by: { next: true } | { by: string }) => post<TestRun>(`${run(runId)}/advance`, by);

export const completeTestTask = (runId: string, taskId: string, outcome: string | undefined, data: Record<string, unknown>) =>
  post<TestRun>(`${run(runId)}/tasks/${encodeURIComponent(taskId)}/complete`, { outcome, data });

export const sendTestEvent = (runId: string, eventName: string, correlationKey?: string, payload?: unknown) =>
  post<TestRun>(`${run(runId)}/events`, { eventName, ...(correlationKey ? { correlationKey } : {}), ...(payload !== undefined ? { payload } : {}) });

export const deleteTestRun = (runId: string) => del<void>(run(runId));

/** A duration as the TimeSpan text the server reads: `d.hh:mm:ss`. */
export function toTimeSpan(amount: number, unit: "minutes" | "hours" | "days"): string {
  const totalMinutes = Math.round(amount * (unit === "days" ? 1440 : unit === "hours" ? 60 : 1));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${days}.${pad(hours)}:${pad(minutes)}:00`;
}
