import type { ReactNode } from "react";
import { ActionIcon, Button, Group, Input, Stack, Text, type ButtonProps } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity } from "../../../components/flow/elsa";
import { inputOf } from "../../../components/flow/inputValues";
import { writeExpression } from "../model/inputWrite";
import { CodeField } from "./CodeField";
import type { ActivityUpdate } from "./InputEditor";

/** What every editor of a list input (cases, outcomes, form fields) is given by the property panel. */
export interface ListInputEditorProps {
  id: string;
  label: string;
  description?: string;
  error?: string;
  activity: ElsaActivity;
  input: InputDescriptor;
  update: ActivityUpdate;
}

/** The list with one item moved up (`by` -1) or down (+1). */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const next = items.slice();
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}

/** The label of a list input, with its hint and the server's message about it. */
export function ListInputHeading({ id, label, description, error }: Pick<ListInputEditorProps, "id" | "label" | "description" | "error">) {
  return (
    <>
      <Input.Label id={`${id}-label`}>{label}</Input.Label>
      {description && <Input.Description>{description}</Input.Description>}
      {error && <Input.Error>{error}</Input.Error>}
    </>
  );
}

/**
 * Move up, move down and remove for one item of a list; `name` says which item ("case 2") to a screen reader.
 * Without `onMove` the order does not matter and only Remove is offered.
 */
export function ItemControls({ name, index, count, onMove, onRemove, mt }: { name: string; index: number; count: number; onMove?: (by: number) => void; onRemove: () => void; mt?: number }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap" mt={mt}>
      {onMove && (
        <>
          <ActionIcon variant="subtle" size="sm" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            <IconArrowUp size={14} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" size="sm" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <IconArrowDown size={14} aria-hidden />
          </ActionIcon>
        </>
      )}
      <ActionIcon variant="subtle" color="red.8" size="sm" aria-label={`Remove ${name}`} onClick={onRemove}>
        <IconTrash size={14} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** Adds an item at the end of a list. */
export function AddItemButton({ children, ...props }: ButtonProps & { id?: string; onClick: () => void; "data-testid"?: string; children: ReactNode }) {
  return (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} {...props}>
      {children}
    </Button>
  );
}

/** A list input whose value an expression computes: it is edited as the expression's code. */
export function ComputedListInput({ id, label, activity, input, update, note }: Pick<ListInputEditorProps, "id" | "label" | "activity" | "input" | "update"> & { note: (syntax: string | undefined) => ReactNode }) {
  const stored = inputOf(activity, input.name);
  return (
    <Stack gap={4}>
      <Input.Label htmlFor={id}>{label}</Input.Label>
      <Text size="xs" c="dimmed">
        {note(stored?.syntax)}
      </Text>
      <CodeField id={id} label={label} language="javascript" value={String(stored?.value ?? "")} onChange={(v) => update((a) => writeExpression(a, input, stored?.syntax ?? "JavaScript", v), `${activity.id}:${input.name}`)} />
    </Stack>
  );
}
