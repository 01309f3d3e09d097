import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { organisationTimeZone } from "../../../components/format";
import { auditKeys, fetchInstanceTimeline } from "../auditApi";
import { auditSearchPath } from "../auditParams";
import { AuditTimeline } from "./AuditTimeline";

/** `/audit/instances/:instanceId`: an instance's whole history — what the engine did, its tasks, and who read or changed it. */
export function InstanceTimelinePage() {
  const { instanceId = "" } = useParams();
  const timeline = useQuery({ queryKey: auditKeys.instanceTimeline(instanceId), queryFn: () => fetchInstanceTimeline(instanceId) });
  return (
    <Stack gap="sm">
      <Group gap="md">
        <Anchor component={Link} to={`/instances/${encodeURIComponent(instanceId)}`} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            The instance
          </Group>
        </Anchor>
        <Anchor component={Link} to={auditSearchPath({ instance: instanceId })} size="sm">
          Its audit records
        </Anchor>
      </Group>
      <Title order={1} size="h2">
        Timeline of instance <Text span ff="monospace" inherit>{instanceId}</Text>
      </Title>
      <Text size="sm" c="dimmed">
        The engine's journal, its tasks' history and the audit log together, oldest first. Times in {organisationTimeZone()}.
      </Text>
      <AuditTimeline timeline={timeline} label={`instance ${instanceId}`} />
    </Stack>
  );
}
