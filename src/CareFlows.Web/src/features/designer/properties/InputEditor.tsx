import { Checkbox, NumberInput, Select, Textarea, TextInput } from "@mantine/core";
import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaVariable } from "../../../components/flow/elsa";
import { inputOf, stringListOf } from "../../../components/flow/inputValues";
import { writeExpression, writeStructured } from "../model/inputWrite";
import { inputFieldId } from "../model/problemPaths";
import { CasesEditor } from "./CasesEditor";
import { ExpressionField } from "./ExpressionField";
import { FormBuilder } from "./FormBuilder";
import { DateTimeOffsetInput, StringListInput, TimeSpanInput, describeTimeSpan } from "./literalInputs";
import { OutcomesEditor } from "./OutcomesEditor";
import { humanize } from "./labels";
import { SetVariablePicker } from "./SetVariablePicker";

export type ActivityUpdate = (update: (activity: ElsaActivity) => ElsaActivity, coalesce?: string) => void;

export interface InputEditorProps {
  activity: ElsaActivity;
  input: InputDescriptor;
  variables: ElsaVariable[];
  update: ActivityUpdate;
  /** Renames a port in the connections leaving the activity, when a case or outcome is renamed. */
  renamePort(from: string, to: string, coalesce?: string): void;
  error?: string;
}

const numberTypes = /^(Int16|Int32|Int64|Long|Single|Double|Decimal)\??$/;

function defaultHint(input: InputDescriptor) {
  const value = input.defaultValue;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  return `Default: ${Array.isArray(value) ? value.join(", ") : String(value)}`;
}

/** The editor an input's UI hint and type call for, writing values back in Elsa's shape. */
export function InputEditor({ activity, input, variables, update, renamePort, error }: InputEditorProps) {
  const id = inputFieldId(activity.id, input.name);
  const label = humanize(input.displayName);
  const description = [input.description, defaultHint(input)].filter(Boolean).join(" ");
  const coalesce = `${activity.id}:${input.name}`;
  const write = (syntax: string, value: unknown) => update((a) => writeExpression(a, input, syntax, value), coalesce);
  const common = { id, label, description, required: input.required, error };

  switch (input.uiHint) {
    case "form-designer":
      return <FormBuilder {...common} activity={activity} input={input} update={update} />;
    case "flow-switch-editor":
      return <CasesEditor {...common} activity={activity} input={input} update={update} renamePort={renamePort} />;
    case "variable-picker":
      return <SetVariablePicker {...common} activity={activity} input={input} variables={variables} update={update} />;
    case "dynamic-outcomes":
      return <OutcomesEditor {...common} activity={activity} input={input} update={update} renamePort={renamePort} />;
  }

  const stored = inputOf(activity, input.name);
  const type = input.typeName.replace(/\?$/, "");

  if (type.endsWith("[]") && (!stored || stored.syntax === "Object" || stored.syntax === "Literal")) {
    const list = stringListOf(activity[input.name]);
    if (!list.computed) {
      return (
        <ExpressionField
          {...common}
          stored={stored ? { syntax: "Literal", value: list.value ?? [] } : undefined}
          defaultSyntax="Literal"
          variables={variables}
          literal={(value) => (
            <StringListInput id={id} label="" value={Array.isArray(value) ? (value as string[]) : []} onChange={(next) => update((a) => writeStructured(a, input, next.length ? next : null), coalesce)} error={error} />
          )}
          onWrite={(syntax, value) => (syntax === "Literal" ? undefined : write(syntax, value))}
        />
      );
    }
  }

  const literal = (value: unknown, onChange: (value: unknown) => void) => {
    if (input.uiHint === "checkbox" || type === "Boolean") {
      const checked = value === true || value === "true" || value === "True" || (value === undefined && input.defaultValue === true);
      return <Checkbox id={id} aria-labelledby={`${id}-label`} label={checked ? "Yes" : "No"} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />;
    }
    if (input.uiHint === "dropdown" && input.options) {
      return <Select id={id} data={input.options} value={typeof value === "string" ? value : null} placeholder={defaultHint(input)} onChange={(next) => onChange(next ?? undefined)} error={!!error} clearable comboboxProps={{ withinPortal: true }} />;
    }
    if (input.uiHint === "datetime-picker" || type === "DateTimeOffset" || type === "DateTime") {
      return <DateTimeOffsetInput id={id} label="" value={value} onChange={onChange} />;
    }
    if (type === "TimeSpan") {
      return <TimeSpanInput id={id} label="Duration" description={typeof value === "string" ? describeTimeSpan(value) : undefined} value={value} onChange={onChange} />;
    }
    if (numberTypes.test(type)) {
      return <NumberInput id={id} value={typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : ""} onChange={(next) => onChange(next === "" ? undefined : Number(next))} error={!!error} allowDecimal={!/Int/.test(type)} />;
    }
    if (input.uiHint === "multiline") {
      return <Textarea id={id} autosize minRows={3} maxRows={12} value={typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value)} onChange={(e) => onChange(e.currentTarget.value)} error={!!error} />;
    }
    return <TextInput id={id} value={typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value)} placeholder={defaultHint(input)} onChange={(e) => onChange(e.currentTarget.value)} error={!!error} />;
  };

  const structuredDefault = input.uiHint === "json" ? "Object" : input.uiHint === "code" ? "JavaScript" : input.defaultSyntax || "Literal";
  return <ExpressionField {...common} stored={stored} defaultSyntax={structuredDefault} variables={variables} literal={literal} onWrite={write} />;
}
