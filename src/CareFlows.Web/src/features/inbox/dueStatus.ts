import { isOpen, type TaskStatus } from "./taskTypes";

/** How far ahead a due time counts as "due soon": a working day's notice. */
export const dueSoonHours = 24;

export type DueState = "overdue" | "due-soon" | "on-track" | "none";

/**
 * Where a task stands against its due time. Only open tasks can be late; the server's own `overdue` (its clock) wins
 * over the browser's, so the list and the server's overdue filter never disagree.
 */
export function dueState(task: { dueAt: string | null; status: TaskStatus; overdue?: boolean }, now: Date = new Date()): DueState {
  if (!isOpen(task.status) || !task.dueAt) return "none";
  if (task.overdue) return "overdue";
  const due = new Date(task.dueAt).getTime();
  if (Number.isNaN(due)) return "none";
  const left = due - now.getTime();
  if (left <= 0) return "overdue";
  return left <= dueSoonHours * 3_600_000 ? "due-soon" : "on-track";
}
