import { Checkbox, Group, NumberInput, Radio, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { dayjs, organisationTimeZone } from "../format";
import { fieldId, type FormDefinition, type FormField, type FormValue, type FormValues } from "./formDefinition";

export interface FormRendererProps {
  form: FormDefinition;
  values: FormValues;
  onChange(values: FormValues): void;
  /** Messages by field key, as the server sent them. */
  errors?: Record<string, string[]>;
  disabled?: boolean;
  /** Makes input ids unique when two forms share a page (the designer's preview and a test run). */
  idPrefix?: string;
}

/** A date and time typed in the organisation's zone, sent with that zone's offset as the server requires. */
function toOffsetDateTime(local: string): string | null {
  if (!local) return null;
  return dayjs.tz(local, organisationTimeZone()).format("YYYY-MM-DDTHH:mm:ssZ");
}

function toLocalInput(value: FormValue): string {
  return typeof value === "string" && value ? dayjs(value).tz(organisationTimeZone()).format("YYYY-MM-DDTHH:mm") : "";
}

const manyOptions = 5;

/** Renders a task's form with Mantine inputs: a label and hint on every field, the server's message beside it. */
export function FormRenderer({ form, values, onChange, errors = {}, disabled = false, idPrefix = "field" }: FormRendererProps) {
  const set = (key: string, value: FormValue) => onChange({ ...values, [key]: value });
  return (
    <Stack gap="md">
      {form.fields.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          id={fieldId(idPrefix, field.key)}
          value={values[field.key] ?? null}
          error={errors[field.key]?.join(" ")}
          disabled={disabled}
          onChange={(value) => set(field.key, value)}
        />
      ))}
    </Stack>
  );
}

interface FieldInputProps {
  field: FormField;
  id: string;
  value: FormValue;
  error?: string;
  disabled: boolean;
  onChange(value: FormValue): void;
}

function FieldInput({ field, id, value, error, disabled, onChange }: FieldInputProps) {
  const common = { id, label: field.label, description: field.help, required: field.required, error, disabled };
  switch (field.type) {
    case "text":
      return <TextInput {...common} value={typeof value === "string" ? value : ""} maxLength={field.max} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "multiline":
      return <Textarea {...common} autosize minRows={3} value={typeof value === "string" ? value : ""} maxLength={field.max} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          min={field.min}
          max={field.max}
          onChange={(next) => onChange(typeof next === "number" ? next : next === "" ? null : Number(next))}
        />
      );
    case "date":
      return <TextInput {...common} type="date" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case "date-time":
      return (
        <TextInput
          {...common}
          type="datetime-local"
          description={[field.help, `Time in ${organisationTimeZone()}.`].filter(Boolean).join(" ")}
          value={toLocalInput(value)}
          onChange={(e) => onChange(toOffsetDateTime(e.currentTarget.value))}
        />
      );
    case "boolean":
      return (
        <Radio.Group {...common} id={undefined} value={value === true ? "yes" : value === false ? "no" : null} onChange={(next) => onChange(next === "yes")}>
          <Group mt={4}>
            <Radio id={id} value="yes" label="Yes" disabled={disabled} />
            <Radio value="no" label="No" disabled={disabled} />
          </Group>
        </Radio.Group>
      );
    case "choice":
      return field.options.length > manyOptions ? (
        <Select {...common} data={field.options} value={typeof value === "string" ? value : null} onChange={(next) => onChange(next)} searchable clearable={!field.required} />
      ) : (
        <Radio.Group {...common} id={undefined} value={typeof value === "string" ? value : null} onChange={(next) => onChange(next)}>
          <Stack gap={6} mt={4}>
            {field.options.map((option, index) => (
              <Radio key={option.value} id={index === 0 ? id : undefined} value={option.value} label={option.label} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multi-choice":
      return (
        <Checkbox.Group {...common} id={undefined} value={Array.isArray(value) ? value : []} onChange={(next) => onChange(next)}>
          <Stack gap={6} mt={4}>
            {field.options.map((option, index) => (
              <Checkbox key={option.value} id={index === 0 ? id : undefined} value={option.value} label={option.label} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
  }
}
