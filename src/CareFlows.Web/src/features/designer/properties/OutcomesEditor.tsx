import { Group, Stack, Text, TextInput } from "@mantine/core";
import { stringListOf } from "../../../components/flow/inputValues";
import { writeStructured } from "../model/inputWrite";
import { AddItemButton, ComputedListInput, ItemControls, ListInputHeading, type ListInputEditorProps } from "./ListEditing";

interface OutcomesEditorProps extends ListInputEditorProps {
  renamePort(from: string, to: string, coalesce?: string): void;
}

/** Names that become outcome ports (a Fork's branches, a task's outcomes); renaming one moves its connections along. */
export function OutcomesEditor({ id, label, description, error, activity, input, update, renamePort }: OutcomesEditorProps) {
  const list = stringListOf(activity[input.name]);
  const coalesce = `${activity.id}:${input.name}`;
  if (list.computed)
    return <ComputedListInput id={id} label={label} activity={activity} input={input} update={update} note={(syntax) => `Computed by a ${syntax} expression; its ports are those its connections use.`} />;
  const defaults = Array.isArray(input.defaultValue) ? (input.defaultValue as string[]) : [];
  const names = list.value ?? [];
  const write = (next: string[], key: string) => update((a) => writeStructured(a, input, next.length ? next : null), key);
  return (
    <Stack gap={6} data-testid={`field-${id}`} role="group" aria-labelledby={`${id}-label`}>
      <ListInputHeading id={id} label={label} description={description} error={error} />
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
            <ItemControls mt={4} name={name || `item ${index + 1}`} index={index} count={names.length} onRemove={() => write(names.filter((_, i) => i !== index), `${coalesce}:remove`)} />
          </Group>
        );
      })}
      <AddItemButton
        id={names.length === 0 ? id : undefined}
        onClick={() => {
          let n = names.length + 1;
          while (names.includes(`Outcome ${n}`)) n++;
          const base = names.length === 0 && defaults.length ? [...defaults] : names;
          write([...base, `Outcome ${n}`], `${coalesce}:add`);
        }}
      >
        Add
      </AddItemButton>
    </Stack>
  );
}
