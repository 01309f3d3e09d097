import { Anchor, Loader, Text } from "@mantine/core";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiError } from "../../api/problem";
import { formatDateTime } from "../../components/format";
import { DataTable, type DataColumn } from "../../components/table/DataTable";
import { usePersonLabel } from "../inbox/people";
import { DueBadge, PriorityBadge, TaskStatusBadge } from "../inbox/TaskBadges";
import { fetchTask, taskKeys } from "../inbox/taskApi";
import type { InboxTask } from "../inbox/taskTypes";

interface TaskRow {
  id: string;
  query: UseQueryResult<InboxTask>;
}

// Only called for rows whose task has been read; the others are drawn whole.
const taskOf = (row: TaskRow) => row.query.data!;

const taskColumns = (person: ReturnType<typeof usePersonLabel>): DataColumn<TaskRow>[] => [
  {
    key: "task",
    header: "Task",
    cell: (row) => (
      <Anchor component={Link} to={`/tasks/${encodeURIComponent(row.id)}`} size="sm">
        {taskOf(row).title}
      </Anchor>
    ),
  },
  { key: "status", header: "Status", cell: (row) => <TaskStatusBadge status={taskOf(row).status} /> },
  { key: "priority", header: "Priority", cell: (row) => <PriorityBadge priority={taskOf(row).priority} /> },
  {
    key: "due",
    header: "Due",
    nowrap: true,
    cell: (row) => (
      <>
        {formatDateTime(taskOf(row).dueAt)} <DueBadge task={taskOf(row)} />
      </>
    ),
  },
  { key: "assignee", header: "Assignee", cell: (row) => person(taskOf(row).owner, "Unassigned") },
  { key: "ended", header: "Ended", nowrap: true, cell: (row) => formatDateTime(taskOf(row).endedAt) },
];

/** The tasks the instance made, each read from the inbox (which decides who may see it), linked to its page. */
export function InstanceTasks({ taskIds }: { taskIds: string[] }) {
  const tasks = useQueries({ queries: taskIds.map((id) => ({ queryKey: taskKeys.detail(id), queryFn: () => fetchTask(id) })) });
  const person = usePersonLabel(tasks.map((task) => task.data?.owner));
  if (taskIds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This instance has made no tasks.
      </Text>
    );
  }
  const rows = taskIds.map((id, index) => ({ id, query: tasks[index] }));
  return (
    <DataTable
      columns={taskColumns(person)}
      rows={rows}
      rowKey={(row) => row.id}
      wholeRow={({ id, query }) => {
        if (query.data) return undefined;
        const refused = query.error instanceof ApiError && query.error.status === 403;
        return query.isPending ? <Loader size="xs" aria-label={`Loading task ${id}`} /> : <Text size="sm" c="dimmed">Task {id}: {refused ? "not yours or your teams' to see." : "could not be read."}</Text>;
      }}
      label="Tasks of this instance"
      data-testid="instance-tasks"
      withTableBorder
      fz="sm"
    />
  );
}
