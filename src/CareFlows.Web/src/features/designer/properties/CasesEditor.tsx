import { Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { structuredOf } from "../../../components/flow/inputValues";
import { setProperty } from "../model/document";
import { CodeField } from "./CodeField";
import { AddItemButton, ItemControls, ListInputHeading, moved, type ListInputEditorProps } from "./ListEditing";

type RawCase = Record<string, unknown> & { label?: string; condition?: { type?: string; value?: unknown } | unknown };

interface CasesEditorProps extends ListInputEditorProps {
  renamePort(from: string, to: string, coalesce?: string): void;
}

function readCases(raw: unknown): RawCase[] {
  if (Array.isArray(raw)) return raw as RawCase[];
  const structured = structuredOf<RawCase[]>(raw);
  return !structured.computed && Array.isArray(structured.value) ? structured.value : [];
}

function conditionOf(c: RawCase): { syntax: string; value: string } {
  const condition = c.condition;
  if (condition && typeof condition === "object" && !Array.isArray(condition)) {
    const expression = condition as { type?: string; value?: unknown; expression?: { type?: string; value?: unknown } };
    const inner = expression.expression ?? expression;
    return { syntax: inner.type ?? "Literal", value: typeof inner.value === "string" ? inner.value : JSON.stringify(inner.value ?? "") };
  }
  return { syntax: "Literal", value: condition === undefined ? "" : String(condition) };
}

/**
 * A Switch's cases in order: each a label (its outcome port) and a condition. Cases are written as Elsa writes
 * them, `[{"label", "condition": {"type", "value"}}]`; renaming a label moves the connections of its port with it.
 */
export function CasesEditor({ id, label, description, error, activity, input, update, renamePort }: CasesEditorProps) {
  const cases = readCases(activity[input.name]);
  const coalesce = `${activity.id}:${input.name}`;
  const write = (next: RawCase[], key: string) => update((a) => setProperty(a, input.name, next.length ? next : undefined), key);
  const setCase = (index: number, patch: RawCase, key: string) => {
    const next = cases.slice();
    next[index] = { ...cases[index], ...patch };
    write(next, key);
  };
  const labels = cases.map((c) => c.label);
  return (
    <Stack gap="xs" data-testid={`field-${id}`}>
      <ListInputHeading id={id} label={label} description={description} error={error} />
      {cases.map((c, index) => {
        const condition = conditionOf(c);
        const duplicate = c.label && labels.indexOf(c.label) !== index;
        return (
          <Paper key={index} withBorder p="xs" role="group" aria-label={`Case ${index + 1}: ${c.label ?? ""}`}>
            <Stack gap={6}>
              <TextInput
                size="xs"
                id={`${id}-case${index}-label`}
                label="Label (outcome port)"
                value={c.label ?? ""}
                error={!c.label ? "A case needs a label." : duplicate ? "Another case has this label." : undefined}
                onChange={(e) => {
                  const to = e.currentTarget.value;
                  if (c.label) renamePort(c.label, to, `${coalesce}:${index}:label`);
                  setCase(index, { label: to }, `${coalesce}:${index}:label`);
                }}
              />
              <Group justify="space-between" align="flex-end">
                <Text size="xs" fw={500} id={`${id}-case${index}-condition-label`}>
                  Condition
                </Text>
                <Select
                  size="xs"
                  w={120}
                  aria-label={`Syntax of the condition of case ${index + 1}`}
                  data={["JavaScript", "Liquid", "Literal"]}
                  value={condition.syntax}
                  allowDeselect={false}
                  onChange={(syntax) => syntax && setCase(index, { condition: { type: syntax, value: condition.value } }, `${coalesce}:${index}:syntax`)}
                  comboboxProps={{ withinPortal: true }}
                />
              </Group>
              <CodeField
                id={`${id}-case${index}-condition`}
                label={`Condition of case ${index + 1}`}
                language={condition.syntax === "Liquid" ? "liquid" : "javascript"}
                value={condition.value}
                onChange={(value) => setCase(index, { condition: { type: condition.syntax, value } }, `${coalesce}:${index}:condition`)}
              />
              <ItemControls
                name={`case ${index + 1}`}
                index={index}
                count={cases.length}
                onMove={(by) => write(moved(cases, index, by), `${coalesce}:move`)}
                onRemove={() => write(cases.filter((_, i) => i !== index), `${coalesce}:remove`)}
              />
            </Stack>
          </Paper>
        );
      })}
      <AddItemButton
        id={id}
        onClick={() => {
          let n = cases.length + 1;
          while (labels.includes(`Case ${n}`)) n++;
          write([...cases, { label: `Case ${n}`, condition: { type: "JavaScript", value: "" } }], `${coalesce}:add`);
        }}
      >
        Add case
      </AddItemButton>
      <Text size="xs" c="dimmed">
        When no case matches, the switch continues through Default.
      </Text>
    </Stack>
  );
}
