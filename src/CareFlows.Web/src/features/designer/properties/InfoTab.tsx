import { ActionIcon, Badge, Button, Code, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlugConnected, IconTrash } from "@tabler/icons-react";
import type { ActivityDescriptor, DescriptorMap } from "../../../components/flow/activityDescriptors";
import { commonActivityKeys, connectionEnds, type ElsaActivity, type ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { portsOf } from "../../../components/flow/outcomes";
import { removeConnectionsAt, type Change } from "../model/document";
import type { ValidationProblem } from "../model/problemPaths";

interface InfoTabProps {
  activity: ElsaActivity;
  descriptor: ActivityDescriptor | undefined;
  document: ElsaDefinition;
  descriptors: DescriptorMap;
  apply(change: Change): void;
  onConnect(): void;
  problems: ValidationProblem[];
  readOnly?: boolean;
}

/** The activity's type and ids, its ports and connections (removable, and "Connect to…"), and anything else it holds. */
export function InfoTab({ activity, descriptor, document, descriptors, apply, onConnect, problems, readOnly }: InfoTabProps) {
  const connections = document.root.connections.map((c, index) => ({ ...connectionEnds(c), index }));
  const outgoing = connections.filter((c) => c.source === activity.id);
  const incoming = connections.filter((c) => c.target === activity.id);
  const byId = new Map(document.root.activities.map((a) => [a.id, a]));
  const title = (id: string) => (byId.get(id) ? activityTitle(byId.get(id)!, descriptors) : `${id} (missing)`);
  const described = new Set([...(descriptor?.inputs.map((i) => i.name) ?? []), ...(descriptor?.outputs.map((o) => o.name) ?? [])]);
  const other = Object.keys(activity).filter((k) => !commonActivityKeys.has(k) && !described.has(k));
  const ports = portsOf(activity, descriptor, document.root.connections);

  return (
    <Stack gap="sm">
      {descriptor?.description && <Text size="sm">{descriptor.description}</Text>}
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Type</Table.Th>
            <Table.Td>
              <Code>{activity.type}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Id</Table.Th>
            <Table.Td>
              <Code>{activity.id}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Category</Table.Th>
            <Table.Td>{descriptor?.category ?? "—"}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <div>
        <Title order={3} size="h6">
          Outcome ports
        </Title>
        <Group gap={4} mt={4}>
          {ports.length === 0 && (
            <Text size="sm" c="dimmed">
              None: the pathway ends here.
            </Text>
          )}
          {ports.map((p) => (
            <Badge key={p.name} variant={p.unknown ? "filled" : "light"} color={p.unknown ? "red.8" : "blue"} c={p.unknown ? undefined : "dark.8"}>
              {p.unknown ? `${p.name} (not an outcome)` : p.name}
            </Badge>
          ))}
        </Group>
      </div>
      <div>
        <Group justify="space-between">
          <Title order={3} size="h6">
            Connections
          </Title>
          {!readOnly && ports.length > 0 && (
            <Button size="compact-xs" variant="light" leftSection={<IconPlugConnected size={14} aria-hidden />} onClick={onConnect}>
              Connect to…
            </Button>
          )}
        </Group>
        <List size="sm" spacing={2} mt={4} listStyleType="none">
          {outgoing.map((c) => (
            <List.Item key={`o${c.index}`}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm">
                  {c.sourcePort} → {title(c.target)}
                </Text>
                {!readOnly && (
                  <ActionIcon size="sm" variant="subtle" color="red.8" aria-label={`Remove the connection ${c.sourcePort} to ${title(c.target)}`} onClick={() => apply((d) => removeConnectionsAt(d, new Set([c.index])))}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
          {incoming.map((c) => (
            <List.Item key={`i${c.index}`}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm">
                  from {title(c.source)} ({c.sourcePort})
                </Text>
                {!readOnly && (
                  <ActionIcon size="sm" variant="subtle" color="red.8" aria-label={`Remove the connection from ${title(c.source)}`} onClick={() => apply((d) => removeConnectionsAt(d, new Set([c.index])))}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
          {outgoing.length + incoming.length === 0 && (
            <Text size="sm" c="dimmed">
              Not connected.
            </Text>
          )}
        </List>
      </div>
      {problems.length > 0 && (
        <div>
          <Title order={3} size="h6">
            Problems
          </Title>
          <List size="sm" spacing={2} mt={4}>
            {problems.map((p, i) => (
              <List.Item key={i}>
                <Text size="sm" c={p.severity === "Error" ? "red.9" : "dark.7"} span fw={600}>
                  {p.severity === "Error" ? "Error" : "Warning"}:
                </Text>{" "}
                {p.message}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {other.length > 0 && (
        <div>
          <Title order={3} size="h6">
            Other properties (kept as they are)
          </Title>
          <Code block mt={4}>
            {JSON.stringify(Object.fromEntries(other.map((k) => [k, activity[k]])), null, 2)}
          </Code>
        </div>
      )}
    </Stack>
  );
}
