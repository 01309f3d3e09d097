import { Badge, Code, List, Stack, Table, Text, Title } from "@mantine/core";
import { isEmptyDiff, type DefinitionDiff, type ValueChange } from "../model/diff";

function Changes({ changes, caption }: { changes: ValueChange[]; caption: string }) {
  return (
    <Table fz="xs" verticalSpacing={2} withTableBorder>
      <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Property</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.key}>
            <Table.Td>{c.label}</Table.Td>
            <Table.Td>
              <Code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{c.before}</Code>
            </Table.Td>
            <Table.Td>
              <Code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{c.after}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A structural diff, read top to bottom: the workflow, activities added, removed, changed and moved, connections. */
export function DiffView({ diff, fromLabel, toLabel }: { diff: DefinitionDiff; fromLabel: string; toLabel: string }) {
  if (isEmptyDiff(diff)) {
    return (
      <Text size="sm" data-testid="version-diff">
        {fromLabel} and {toLabel} are the same.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="version-diff">
      <Text size="sm" fw={600}>
        From {fromLabel} to {toLabel}
      </Text>
      {diff.workflow.length > 0 && (
        <div>
          <Title order={4} size="h6">
            Workflow
          </Title>
          <Changes changes={diff.workflow} caption="Workflow changes" />
        </div>
      )}
      {diff.added.length > 0 && (
        <div>
          <Title order={4} size="h6">
            <Badge color="teal" variant="light" c="dark.8" mr={6}>
              Added
            </Badge>
            {diff.added.length} {diff.added.length === 1 ? "activity" : "activities"}
          </Title>
          <List size="sm">
            {diff.added.map((a) => (
              <List.Item key={a.id}>
                {a.title} <Text span c="dimmed" size="xs">({a.type})</Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Title order={4} size="h6">
            <Badge color="red" variant="light" c="dark.8" mr={6}>
              Removed
            </Badge>
            {diff.removed.length} {diff.removed.length === 1 ? "activity" : "activities"}
          </Title>
          <List size="sm">
            {diff.removed.map((a) => (
              <List.Item key={a.id}>
                {a.title} <Text span c="dimmed" size="xs">({a.type})</Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.changed.map((a) => (
        <div key={a.id}>
          <Title order={4} size="h6">
            <Badge color="blue" variant="light" c="dark.8" mr={6}>
              Changed
            </Badge>
            {a.title} <Text span c="dimmed" size="xs">({a.type})</Text>
          </Title>
          <Changes changes={a.changes} caption={`Changes to ${a.title}`} />
        </div>
      ))}
      {diff.moved.length > 0 && (
        <Text size="sm">
          <Badge color="gray" variant="light" c="dark.7" mr={6}>
            Moved
          </Badge>
          {diff.moved.map((a) => a.title).join(", ")}
        </Text>
      )}
      {(diff.connectionsAdded.length > 0 || diff.connectionsRemoved.length > 0) && (
        <div>
          <Title order={4} size="h6">
            Connections
          </Title>
          <List size="sm">
            {diff.connectionsAdded.map((c) => (
              <List.Item key={`+${c.source}${c.port}${c.target}`}>
                <Text span c="teal.9" fw={600}>
                  Added:
                </Text>{" "}
                {c.sourceTitle} ({c.port}) → {c.targetTitle}
              </List.Item>
            ))}
            {diff.connectionsRemoved.map((c) => (
              <List.Item key={`-${c.source}${c.port}${c.target}`}>
                <Text span c="red.9" fw={600}>
                  Removed:
                </Text>{" "}
                {c.sourceTitle} ({c.port}) → {c.targetTitle}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
