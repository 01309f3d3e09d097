import { Anchor, Loader, Table, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiError } from "../../api/problem";
import { formatDateTime } from "../../components/format";
import { usePersonLabel } from "../inbox/people";
import { DueBadge, PriorityBadge, TaskStatusBadge } from "../inbox/TaskBadges";
import { fetchTask, taskKeys } from "../inbox/taskApi";
import type { InboxTask } from "../inbox/taskTypes";

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
  return (
    <Table withTableBorder fz="sm" aria-label="Tasks of this instance" data-testid="instance-tasks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Task</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Priority</Table.Th>
          <Table.Th scope="col">Due</Table.Th>
          <Table.Th scope="col">Assignee</Table.Th>
          <Table.Th scope="col">Ended</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {taskIds.map((id, index) => {
          const query = tasks[index];
          const task: InboxTask | undefined = query.data;
          if (!task) {
            const refused = query.error instanceof ApiError && query.error.status === 403;
            return (
              <Table.Tr key={id}>
                <Table.Td colSpan={6}>
                  {query.isPending ? <Loader size="xs" aria-label={`Loading task ${id}`} /> : <Text size="sm" c="dimmed">Task {id}: {refused ? "not yours or your teams' to see." : "could not be read."}</Text>}
                </Table.Td>
              </Table.Tr>
            );
          }
          return (
            <Table.Tr key={id}>
              <Table.Td>
                <Anchor component={Link} to={`/tasks/${encodeURIComponent(id)}`} size="sm">
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <TaskStatusBadge status={task.status} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={task.priority} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {formatDateTime(task.dueAt)} <DueBadge task={task} />
              </Table.Td>
              <Table.Td>{person(task.owner, "Unassigned")}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(task.endedAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
