import { ActionIcon, Button, Code, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ElsaDefinition, ElsaVariable } from "../../../components/flow/elsa";
import type { Change } from "../model/document";
import { StatusBadge } from "../versions/VersionHistory";
import { newId } from "../model/ids";
import type { ValidationProblem } from "../model/problemPaths";

const variableTypes = ["String", "Int32", "Int64", "Double", "Decimal", "Boolean", "Object", "DateTimeOffset", "DateTime", "TimeSpan", "String[]", "JsonNode"];

export interface WorkflowPanelProps {
  document: ElsaDefinition;
  apply(change: Change, coalesce?: string): void;
  version: number | null;
  status?: string;
  problems: ValidationProblem[];
  readOnly?: boolean;
}

function setTop(definition: ElsaDefinition, key: string, value: unknown): ElsaDefinition {
  return { ...definition, [key]: value };
}

function setVariables(definition: ElsaDefinition, update: (variables: ElsaVariable[]) => ElsaVariable[]): ElsaDefinition {
  return { ...definition, variables: update(definition.variables ?? []) };
}

/** The workflow's own properties (shown when no activity is selected): name, description and variables. */
export function WorkflowPanel({ document, apply, version, status, problems, readOnly }: WorkflowPanelProps) {
  const variables = document.variables ?? [];
  const setVariable = (index: number, patch: Partial<ElsaVariable>, key: string) =>
    apply(
      (d) =>
        setVariables(d, (list) => {
          const next = list.slice();
          next[index] = { ...list[index], ...patch };
          return next;
        }),
      `variable:${index}:${key}`,
    );
  const names = variables.map((v) => v.name);
  const problemFor = (field: string) => problems.filter((p) => p.path === `$.${field}` || p.path.startsWith(`$.${field}.`) || p.path.startsWith(`$.${field}[`)).map((p) => p.message).join(" ") || undefined;

  return (
    <Stack gap="sm" component="section" aria-label="Workflow properties" data-testid="workflow-panel">
      <div>
        <Title order={2} size="h4">
          Workflow
        </Title>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {version ? `Version ${version}` : "Not saved yet"}
          </Text>
          {status && <StatusBadge status={status} />}
        </Group>
      </div>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <TextInput id="workflow-name" label="Name" required value={String(document.name ?? "")} error={problemFor("name")} onChange={(e) => apply((d) => setTop(d, "name", e.currentTarget.value), "workflow:name")} />
          <Textarea
            id="workflow-description"
            label="Description"
            autosize
            minRows={3}
            maxRows={10}
            value={String(document.description ?? "")}
            onChange={(e) => apply((d) => setTop(d, "description", e.currentTarget.value), "workflow:description")}
          />
          <Group gap={4}>
            <Text size="sm">Definition id</Text>
            <Code>{document.definitionId ?? "—"}</Code>
          </Group>
          <Group justify="space-between" mt="xs">
            <Title order={3} size="h5" id="variables-title">
              Variables
            </Title>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                let n = variables.length + 1;
                while (names.includes(`Variable${n}`)) n++;
                apply((d) => setVariables(d, (list) => [...list, { id: newId(), name: `Variable${n}`, typeName: "Object", isArray: false, value: null }]));
              }}
            >
              Add variable
            </Button>
          </Group>
          {problemFor("variables") && (
            <Text size="sm" c="red.8">
              {problemFor("variables")}
            </Text>
          )}
          {variables.length === 0 ? (
            <Text size="sm" c="dimmed">
              No variables. Activities keep their outputs in variables, and scripts read them as <Code>variables.Name</Code>.
            </Text>
          ) : (
            <Table aria-labelledby="variables-title" verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Default</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {variables.map((variable, index) => (
                  <Table.Tr key={variable.id}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`Name of variable ${index + 1}`}
                        value={variable.name}
                        error={!variable.name.trim() ? "Required" : names.indexOf(variable.name) !== index ? "Used twice" : undefined}
                        onChange={(e) => setVariable(index, { name: e.currentTarget.value }, "name")}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`Type of ${variable.name}`}
                        data={[...new Set([...variableTypes, variable.typeName])]}
                        value={variable.typeName}
                        allowDeselect={false}
                        onChange={(typeName) => typeName && setVariable(index, { typeName }, "type")}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Default value of ${variable.name}`} value={variable.value ?? ""} onChange={(e) => setVariable(index, { value: e.currentTarget.value === "" ? null : e.currentTarget.value }, "value")} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red.8" aria-label={`Remove variable ${variable.name}`} onClick={() => apply((d) => setVariables(d, (list) => list.filter((_, i) => i !== index)))}>
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Paper withBorder p="xs" bg="gray.0">
            <Text size="xs" c="dimmed">
              Tip: select an activity to edit it. Ctrl+Z undoes, Ctrl+Shift+Z redoes, Ctrl+C and Ctrl+V copy and paste activities, even into another pathway.
            </Text>
          </Paper>
        </Stack>
      </fieldset>
    </Stack>
  );
}
