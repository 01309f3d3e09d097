import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { DateTime } from "../../components/DateTime";
import { Fact } from "./Fact";
import { usePersonLabel } from "./people";
import { DueBadge, PriorityBadge, TaskStatusBadge } from "./TaskBadges";
import type { InboxTask } from "./taskTypes";

/** What the task is, where it stands in its pathway, who holds it and by when it is due. */
export function TaskHeader({ task, headingOrder }: { task: InboxTask; headingOrder: 1 | 2 }) {
  const { user, can } = useAuth();
  const person = usePersonLabel([task.owner]);
  const teamName = (id: string) => user?.teams.find((team) => team.id === id)?.name ?? id;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <TaskStatusBadge status={task.status} />
        <PriorityBadge priority={task.priority} />
        <DueBadge task={task} />
      </Group>
      <Title order={headingOrder} size="h2" id="task-title">
        {task.title}
      </Title>
      <Group gap="xs">
        <Text size="sm">
          {task.pathway ?? task.definitionId} <Text span c="dimmed" size="sm">v{task.definitionVersion}</Text>
        </Text>
        {task.businessStatus && (
          <Badge variant="outline" color="gray.7" size="sm">
            Stage: {task.businessStatus}
          </Badge>
        )}
        {can.readInstances && (
          <Anchor component={Link} to={`/instances/${encodeURIComponent(task.instanceId)}`} size="sm">
            View pathway instance
          </Anchor>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing={6}>
        <Fact label="Due">
          <DateTime value={task.dueAt} />
        </Fact>
        <Fact label="Assignee">{person(task.owner, "Unassigned")}</Fact>
        <Fact label="Team queues">{task.teams.length ? task.teams.map(teamName).join(", ") : "None"}</Fact>
        <Fact label="Created">
          <DateTime value={task.createdAt} />
        </Fact>
        {task.followUpAt && (
          <Fact label="Follow up">
            <DateTime value={task.followUpAt} />
          </Fact>
        )}
        {task.endedAt && (
          <Fact label={task.status === "completed" ? "Completed" : "Ended"}>
            <DateTime value={task.endedAt} />
          </Fact>
        )}
        {task.outcome && <Fact label="Outcome">{task.outcome}</Fact>}
      </SimpleGrid>
    </Stack>
  );
}
