/**
 * A task's form as HumanTask defines it (`{"fields": [{"key", "type", "label", "help", "required", "options", "min",
 * "max", "pattern"}]}`; Elsa-style forms say `name` for `key`, and an option is a string or `{value, label}`). The
 * server checks what is submitted (TaskFormField.Check) and answers 422 keyed `$.data.<key>`; the page shows those
 * messages beside their fields, so the rules live in one place.
 */
export const fieldTypes = ["text", "multiline", "number", "date", "date-time", "choice", "multi-choice", "boolean"] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FormOption {
  value: string;
  label: string;
}

export interface FormField {
  key: string;
  type: FieldType;
  label: string;
  help?: string;
  required: boolean;
  options: FormOption[];
  min?: number;
  max?: number;
  pattern?: string;
}

export interface FormDefinition {
  fields: FormField[];
}

export type FormValue = string | number | boolean | string[] | null;
export type FormValues = Record<string, FormValue>;

type RawOption = string | number | { value?: unknown; label?: unknown };
interface RawField {
  key?: unknown;
  name?: unknown;
  type?: unknown;
  label?: unknown;
  help?: unknown;
  required?: unknown;
  options?: unknown;
  min?: unknown;
  max?: unknown;
  pattern?: unknown;
}

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);
const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

function option(raw: RawOption): FormOption | null {
  if (typeof raw === "string" || typeof raw === "number") return { value: String(raw), label: String(raw) };
  const value = raw && (typeof raw.value === "string" || typeof raw.value === "number") ? String(raw.value) : null;
  return value === null ? null : { value, label: text(raw.label) ?? value };
}

/** Reads a form as stored; fields it cannot read (no key, unknown type) are left out rather than breaking the page. */
export function readForm(raw: unknown): FormDefinition {
  const fields = raw && typeof raw === "object" && Array.isArray((raw as { fields?: unknown }).fields) ? ((raw as { fields: unknown[] }).fields as RawField[]) : [];
  return {
    fields: fields.flatMap((field): FormField[] => {
      const key = text(field?.key) ?? text(field?.name);
      const type = text(field?.type) as FieldType | undefined;
      if (!key || !type || !fieldTypes.includes(type)) return [];
      return [
        {
          key,
          type,
          label: text(field.label) ?? key,
          help: text(field.help),
          required: field.required === true,
          options: Array.isArray(field.options) ? (field.options as RawOption[]).map(option).filter((o): o is FormOption => o !== null) : [],
          min: number(field.min),
          max: number(field.max),
          pattern: text(field.pattern),
        },
      ];
    }),
  };
}

/** The value a field starts with: nothing chosen, so a required field left alone is reported, never guessed. */
export function emptyValue(field: FormField): FormValue {
  return field.type === "multi-choice" ? [] : null;
}

/** The submitted `data`: unanswered fields are left out, so the server reports required ones by name. */
export function toSubmission(form: FormDefinition, values: FormValues): Record<string, FormValue> {
  const data: Record<string, FormValue> = {};
  for (const field of form.fields) {
    const value = values[field.key];
    if (value === null || value === undefined || value === "") continue;
    if (field.type === "multi-choice" && Array.isArray(value) && value.length === 0 && !field.required) continue;
    data[field.key] = value;
  }
  return data;
}

/** The id of a field's input, which the error summary links to. */
export function fieldId(prefix: string, key: string) {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
