import { useState } from "react";
import { Checkbox, Group, NumberInput, Paper, Select, Stack, TagsInput, Text, TextInput, Title } from "@mantine/core";
import { FormRenderer } from "../../../components/forms/FormRenderer";
import { fieldTypes, readForm, type FormValues } from "../../../components/forms/formDefinition";
import { structuredOf } from "../../../components/flow/inputValues";
import { writeStructured } from "../model/inputWrite";
import { AddItemButton, ComputedListInput, ItemControls, ListInputHeading, moved, type ListInputEditorProps } from "./ListEditing";

type RawField = Record<string, unknown>;
type RawForm = Record<string, unknown> & { fields?: RawField[] };

const typeLabels: Record<string, string> = {
  text: "Text",
  multiline: "Text, several lines",
  number: "Number",
  date: "Date",
  "date-time": "Date and time",
  choice: "One choice",
  "multi-choice": "Several choices",
  boolean: "Yes / no",
};

const keyOf = (field: RawField) => (typeof field.key === "string" ? field.key : typeof field.name === "string" ? field.name : "");

/** What is wrong with each field, by index, so the lead sees it here rather than as an incident at run time. */
export function formProblems(fields: RawField[]): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const add = (i: number, message: string) => problems.set(i, [...(problems.get(i) ?? []), message]);
  const seen = new Map<string, number>();
  fields.forEach((field, i) => {
    const key = keyOf(field);
    if (!key) add(i, "A field needs a key, the name its value is submitted under.");
    else if (seen.has(key)) add(i, `The key '${key}' is used by another field.`);
    else seen.set(key, i);
    if (!fieldTypes.includes(field.type as never)) add(i, `Choose a type for the field.`);
    if ((field.type === "choice" || field.type === "multi-choice") && !(Array.isArray(field.options) && field.options.length > 0)) add(i, "A choice field needs its options.");
    if (typeof field.min === "number" && typeof field.max === "number" && field.min > field.max) add(i, "The minimum must not be greater than the maximum.");
  });
  return problems;
}

/**
 * Builds a task's form field by field, with a live preview drawn by the inbox's own FormRenderer. Properties it does
 * not edit are kept on each field as they were.
 */
export function FormBuilder({ id, label, description, error, activity, input, update }: ListInputEditorProps) {
  const structured = structuredOf<RawForm>(activity[input.name]);
  const [previewValues, setPreviewValues] = useState<FormValues>({});
  const coalesce = `${activity.id}:${input.name}`;

  if (structured.computed)
    return <ComputedListInput id={id} label={label} activity={activity} input={input} update={update} note={(syntax) => `This form is computed by a ${syntax} expression, so it is edited as code.`} />;

  const form: RawForm = structured.value && typeof structured.value === "object" ? structured.value : { fields: [] };
  const fields: RawField[] = Array.isArray(form.fields) ? form.fields : [];
  const problems = formProblems(fields);
  const write = (next: RawField[], key = coalesce) => update((a) => writeStructured(a, input, next.length === 0 && !structured.value ? null : { ...form, fields: next }), key);
  const setField = (index: number, patch: RawField) => {
    const next = fields.slice();
    const merged: RawField = { ...fields[index], ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === "" || v === false) delete merged[k];
    next[index] = merged;
    write(next, `${coalesce}:${index}:${Object.keys(patch).join()}`);
  };
  const addField = () => {
    let n = fields.length + 1;
    while (fields.some((f) => keyOf(f) === `field${n}`)) n++;
    write([...fields, { key: `field${n}`, type: "text", label: `Field ${n}` }], `${coalesce}:add`);
  };

  return (
    <Stack gap="xs" data-testid={`field-${id}`}>
      <ListInputHeading id={id} label={label} description={description} error={error} />
      {fields.map((field, index) => {
        const type = String(field.type ?? "");
        const keyName = `${id}-f${index}`;
        const fieldProblems = problems.get(index);
        const options = Array.isArray(field.options) ? field.options : [];
        return (
          <Paper key={index} withBorder p="xs" role="group" aria-label={`Field ${index + 1}: ${String(field.label ?? keyOf(field))}`} data-testid={`form-field-${index}`}>
            <Stack gap={6}>
              <Group gap="xs" grow align="flex-start">
                <TextInput size="xs" id={`${keyName}-label`} label="Label" value={String(field.label ?? "")} onChange={(e) => setField(index, { label: e.currentTarget.value })} />
                <TextInput
                  size="xs"
                  id={`${keyName}-key`}
                  label="Key"
                  description="Name of the submitted value"
                  value={keyOf(field)}
                  onChange={(e) => setField(index, "name" in field && !("key" in field) ? { name: e.currentTarget.value } : { key: e.currentTarget.value })}
                />
              </Group>
              <Group gap="xs" grow align="flex-end">
                <Select
                  size="xs"
                  id={`${keyName}-type`}
                  label="Type"
                  data={fieldTypes.map((t) => ({ value: t, label: typeLabels[t] }))}
                  value={fieldTypes.includes(type as never) ? type : null}
                  onChange={(next) => next && setField(index, { type: next })}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <Checkbox size="xs" label="Required" checked={field.required === true} onChange={(e) => setField(index, { required: e.currentTarget.checked })} />
              </Group>
              <TextInput size="xs" id={`${keyName}-help`} label="Hint" value={String(field.help ?? "")} onChange={(e) => setField(index, { help: e.currentTarget.value })} />
              {(type === "choice" || type === "multi-choice") && (
                <TagsInput
                  size="xs"
                  id={`${keyName}-options`}
                  label="Options"
                  description="Type an option and press Enter"
                  value={options.map((o) => (o && typeof o === "object" ? String((o as { value?: unknown }).value ?? "") : String(o)))}
                  onChange={(values) => {
                    // Options given as {value, label} keep their labels.
                    const byValue = new Map(options.map((o) => [o && typeof o === "object" ? String((o as { value?: unknown }).value) : String(o), o]));
                    setField(index, { options: values.map((v) => byValue.get(v) ?? v) });
                  }}
                />
              )}
              {(type === "text" || type === "multiline" || type === "number" || type === "multi-choice") && (
                <Group gap="xs" grow>
                  <NumberInput size="xs" id={`${keyName}-min`} label={type === "number" ? "Minimum" : type === "multi-choice" ? "Fewest choices" : "Shortest"} value={typeof field.min === "number" ? field.min : ""} onChange={(v) => setField(index, { min: v === "" ? undefined : Number(v) })} />
                  <NumberInput size="xs" id={`${keyName}-max`} label={type === "number" ? "Maximum" : type === "multi-choice" ? "Most choices" : "Longest"} value={typeof field.max === "number" ? field.max : ""} onChange={(v) => setField(index, { max: v === "" ? undefined : Number(v) })} />
                </Group>
              )}
              {(type === "text" || type === "multiline") && (
                <TextInput size="xs" id={`${keyName}-pattern`} label="Pattern (regular expression)" value={String(field.pattern ?? "")} onChange={(e) => setField(index, { pattern: e.currentTarget.value })} />
              )}
              {fieldProblems?.map((message) => (
                <Text key={message} size="xs" c="red.8" role="alert">
                  {message}
                </Text>
              ))}
              <ItemControls
                name={`field ${index + 1}`}
                index={index}
                count={fields.length}
                onMove={(by) => write(moved(fields, index, by), `${coalesce}:move`)}
                onRemove={() => write(fields.filter((_, i) => i !== index), `${coalesce}:remove`)}
              />
            </Stack>
          </Paper>
        );
      })}
      <AddItemButton onClick={addField} id={id} data-testid="form-add-field">
        Add field
      </AddItemButton>
      {fields.length > 0 && (
        <Paper withBorder p="sm" bg="gray.0" component="section" aria-label="Form preview" data-testid="form-preview">
          <Title order={4} size="sm" mb="xs">
            Preview
          </Title>
          <FormRenderer form={readForm(form)} values={previewValues} onChange={setPreviewValues} idPrefix={`preview-${activity.id}`} />
        </Paper>
      )}
    </Stack>
  );
}
