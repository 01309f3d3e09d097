/** The inbox's records as the server sends them (Features/Tasks/TaskResponses.cs, SavedFilters.cs, TaskCommands.cs). */
export type TaskStatus = "ready" | "in-progress" | "on-hold" | "completed" | "cancelled" | "failed";
export type TaskPriority = "routine" | "urgent" | "asap" | "stat";

export const taskStatuses: TaskStatus[] = ["ready", "in-progress", "on-hold", "completed", "cancelled", "failed"];
export const openStatuses: TaskStatus[] = ["ready", "in-progress", "on-hold"];
/** Highest first, as the server ranks them. */
export const taskPriorities: TaskPriority[] = ["stat", "asap", "urgent", "routine"];

export interface TaskPatient {
  id: string | null;
  name: string | null;
  mrn: string | null;
  birthDate: string | null;
}

/** How the caller reads a task that is not theirs to read otherwise: through a break-the-glass grant (TaskAccessResponse). */
export interface TaskAccess {
  throughGrant: boolean;
  grantId: string;
  grantExpiresAt: string;
  reason: string;
}

export interface InboxTask {
  id: string;
  kind: string;
  title: string;
  instructions: string | null;
  patient: TaskPatient | null;
  pathway: string | null;
  definitionId: string;
  definitionVersion: number;
  instanceId: string;
  businessStatus: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  owner: string | null;
  teams: string[];
  dueAt: string | null;
  followUpAt: string | null;
  overdue: boolean;
  form: unknown;
  outcomes: string[];
  input: unknown;
  outcome: string | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Set only when the caller reads the task through break-the-glass access; null when it is theirs to read. */
  access?: TaskAccess | null;
}

export interface TaskPage {
  items: InboxTask[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaskCounts {
  mine: number;
  mineOverdue: number;
  teams: Record<string, number>;
}

export interface TaskHistoryEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  status: TaskStatus;
  details: Record<string, unknown> | null;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

/** The attempt channels and results the server accepts (TaskAttemptRequest). */
export const attemptChannels = ["phone", "sms", "email", "portal", "letter", "in-person"] as const;
export const attemptResults = ["reached", "no-answer", "left-message", "wrong-number", "declined"] as const;

export function isOpen(status: TaskStatus) {
  return openStatuses.includes(status);
}

/** `NotAppealing` → `Not appealing`, `no-answer` → `No answer`: server words as people read them. */
export function humanize(word: string): string {
  const spaced = word
    .replace(/[-_]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
