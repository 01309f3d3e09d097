import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity } from "../../../components/flow/elsa";
import { inputOf, stringListOf } from "../../../components/flow/inputValues";
import { writeExpression, writeStructured } from "../model/inputWrite";
import { CodeField } from "./CodeField";
import type { ActivityUpdate } from "./InputEditor";

interface OutcomesEditorProps {
  id: string;
  label: string;
  description?: string;
  error?: string;
  activity: ElsaActivity;
  input: InputDescriptor;
  update: ActivityUpdate;
  renamePort(from: string, to: string, coalesce?: string): void;
}

/** Names that become outcome ports (a Fork's branches, a task's outcomes); renaming one moves its connections along. */
export function OutcomesEditor({ id, label, description, error, activity, input, update, renamePort }: OutcomesEditorProps) {
  const list = stringListOf(activity[input.name]);
  const coalesce = `${activity.id}:${input.name}`;
  if (list.computed) {
    const stored = inputOf(activity, input.name);
    return (
      <Stack gap={4}>
        <Input.Label htmlFor={id}>{label}</Input.Label>
        <Text size="xs" c="dimmed">
          Computed by a {stored?.syntax} expression; its ports are those its connections use.
        </Text>
        <CodeField id={id} label={label} language="javascript" value={String(stored?.value ?? "")} onChange={(v) => update((a) => writeExpression(a, input, stored?.syntax ?? "JavaScript", v), coalesce)} />
      </Stack>
    );
  }
  const defaults = Array.isArray(input.defaultValue) ? (input.defaultValue as string[]) : [];
  const names = list.value ?? [];
  const write = (next: string[], key: string) => update((a) => writeStructured(a, input, next.length ? next : null), key);
  return (
    <Stack gap={6} data-testid={`field-${id}`} role="group" aria-labelledby={`${id}-label`}>
      <Input.Label id={`${id}-label`}>{label}</Input.Label>
      {description && <Input.Description>{description}</Input.Description>}
      {error && <Input.Error>{error}</Input.Error>}
      {names.length === 0 && (
        <Text size="xs" c="dimmed">
          {defaults.length ? `None set: the port is ${defaults.join(", ")}.` : "None set: the port is Done."}
        </Text>
      )}
      {names.map((name, index) => {
        const duplicate = names.indexOf(name) !== index;
        return (
          <Group key={index} gap={4} wrap="nowrap" align="flex-start">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              id={index === 0 ? id : `${id}-${index}`}
              aria-label={`${label} ${index + 1}`}
              value={name}
              error={!name.trim() ? "Give it a name." : duplicate ? "This name is used twice." : undefined}
              onChange={(e) => {
                const to = e.currentTarget.value;
                renamePort(name, to, `${coalesce}:${index}`);
                const next = names.slice();
                next[index] = to;
                write(next, `${coalesce}:${index}`);
              }}
            />
            <ActionIcon variant="subtle" color="red.8" mt={4} aria-label={`Remove ${name || `item ${index + 1}`}`} onClick={() => write(names.filter((_, i) => i !== index), `${coalesce}:remove`)}>
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden />}
        id={names.length === 0 ? id : undefined}
        onClick={() => {
          let n = names.length + 1;
          while (names.includes(`Outcome ${n}`)) n++;
          const base = names.length === 0 && defaults.length ? [...defaults] : names;
          write([...base, `Outcome ${n}`], `${coalesce}:add`);
        }}
      >
        Add
      </Button>
    </Stack>
  );
}
