import { Anchor, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../components/format";
import { usePersonLabel } from "./people";
import { DueBadge, EmergencyAccessBadge, PriorityBadge, TaskStatusBadge } from "./TaskBadges";
import type { InboxTask } from "./taskTypes";

interface TaskTableProps {
  tasks: InboxTask[];
  /** The task open beside the list. */
  selectedId: string | null;
  sort: "due" | "priority";
  linkTo(task: InboxTask): string;
  onOpen(task: InboxTask): void;
}

/** The middle pane: a row per task with what a coordinator triages by — due, priority, patient, who holds it. */
export function TaskTable({ tasks, selectedId, sort, linkTo, onOpen }: TaskTableProps) {
  const person = usePersonLabel(tasks.map((task) => task.owner));
  return (
    <Table highlightOnHover stickyHeader verticalSpacing={6} fz="sm" aria-label="Tasks" data-testid="task-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Task</Table.Th>
          <Table.Th scope="col">Patient</Table.Th>
          <Table.Th scope="col" aria-sort={sort === "due" ? "ascending" : undefined}>
            Due
          </Table.Th>
          <Table.Th scope="col" aria-sort={sort === "priority" ? "descending" : undefined}>
            Priority
          </Table.Th>
          <Table.Th scope="col">Assignee</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((task) => {
          const selected = task.id === selectedId;
          return (
            <Table.Tr
              key={task.id}
              aria-selected={selected}
              data-testid="task-row"
              data-task-id={task.id}
              bg={selected ? "blue.0" : undefined}
              style={{ cursor: "pointer", boxShadow: selected ? "inset 3px 0 0 var(--mantine-color-blue-8)" : undefined }}
              onClick={(event) => {
                if (!(event.target as HTMLElement).closest("a")) onOpen(task);
              }}
            >
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Anchor component={Link} to={linkTo(task)} fw={600} size="sm" data-testid="task-link" aria-current={selected ? "true" : undefined}>
                    {task.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {task.pathway ?? task.definitionId}
                    {task.businessStatus ? ` · ${task.businessStatus}` : ""}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Created {formatDateTime(task.createdAt)}
                  </Text>
                  <EmergencyAccessBadge task={task} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{task.patient?.name ?? "—"}</Text>
                {task.patient?.mrn && (
                  <Text size="xs" c="dimmed">
                    {task.patient.mrn}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(task.dueAt)}
                  </Text>
                  <DueBadge task={task} />
                </Stack>
              </Table.Td>
              <Table.Td style={{ minWidth: 90 }}>
                <PriorityBadge priority={task.priority} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{person(task.owner, "Unassigned")}</Text>
                  {task.status !== "ready" && task.status !== "in-progress" && <TaskStatusBadge status={task.status} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
