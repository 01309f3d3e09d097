import { Badge, Tooltip } from "@mantine/core";
import { IconAlarm, IconAlertOctagon, IconClockExclamation } from "@tabler/icons-react";
import { formatDateTime, formatRelative, organisationTimeZone } from "../../components/format";
import { dueState } from "./dueStatus";
import { humanize, type InboxTask, type TaskPriority, type TaskStatus } from "./taskTypes";

/**
 * Badge colours with at least 4.5:1 contrast against white for their small text: Mantine's red 9, violet 8, blue 8,
 * teal 9 and gray 7 pass; its orange, yellow and green do not at any shade, so darker tones of them stand in.
 */
const orange = "#b8430c";
const amber = "#8a5a00";
const green = "#237032";

/** Overdue and due soon say so in words and with an icon, never by colour alone; on-track tasks need no badge. */
export function DueBadge({ task, now }: { task: Pick<InboxTask, "dueAt" | "status" | "overdue">; now?: Date }) {
  const state = dueState(task, now);
  if (state !== "overdue" && state !== "due-soon") return null;
  const overdue = state === "overdue";
  return (
    <Tooltip label={`Due ${formatDateTime(task.dueAt)} (${organisationTimeZone()}), ${formatRelative(task.dueAt, now)}`}>
      <Badge
        color={overdue ? "red.9" : orange}
        variant="filled"
        size="sm"
        leftSection={overdue ? <IconClockExclamation size={12} aria-hidden /> : <IconAlarm size={12} aria-hidden />}
        data-testid="due-badge"
        data-due-state={state}
      >
        {overdue ? "Overdue" : "Due soon"}
      </Badge>
    </Tooltip>
  );
}

const priorityColours: Record<TaskPriority, string> = { stat: "red.9", asap: orange, urgent: "violet.8", routine: "gray.7" };

/** FHIR priorities, highest first: stat, asap, urgent, routine. */
export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const label = priority === "stat" || priority === "asap" ? priority.toUpperCase() : humanize(priority);
  return (
    <Badge color={priorityColours[priority] ?? "gray.7"} variant={priority === "routine" ? "outline" : "filled"} size="sm" aria-label={`Priority ${label}`}>
      {label}
    </Badge>
  );
}

const statusColours: Record<TaskStatus, string> = {
  ready: "blue.8",
  "in-progress": "teal.9",
  "on-hold": amber,
  completed: green,
  cancelled: "gray.7",
  failed: "red.9",
};
const statusLabels: Record<TaskStatus, string> = {
  ready: "Ready",
  "in-progress": "In progress",
  "on-hold": "On hold",
  completed: "Completed",
  cancelled: "Cancelled",
  failed: "Failed",
};

export function taskStatusLabel(status: TaskStatus) {
  return statusLabels[status] ?? humanize(status);
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <Badge color={statusColours[status] ?? "gray.7"} variant="outline" size="sm">
      {taskStatusLabel(status)}
    </Badge>
  );
}

/** A task shown only through break-the-glass access says so in the list too, before anyone opens it. */
export function EmergencyAccessBadge({ task }: { task: Pick<InboxTask, "access"> }) {
  if (!task.access?.throughGrant) return null;
  return (
    <Tooltip label={`Shown through break-the-glass access until ${formatDateTime(task.access.grantExpiresAt)} (${organisationTimeZone()}); every view is recorded`}>
      <Badge color="orange.9" variant="filled" size="sm" leftSection={<IconAlertOctagon size={12} aria-hidden />} data-testid="emergency-badge">
        Emergency access
      </Badge>
    </Tooltip>
  );
}
