import { Select } from "@mantine/core";
import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaVariable } from "../../../components/flow/elsa";
import { setProperty } from "../model/document";
import type { ActivityUpdate } from "./InputEditor";

interface SetVariablePickerProps {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  activity: ElsaActivity;
  input: InputDescriptor;
  variables: ElsaVariable[];
  update: ActivityUpdate;
}

/** Set Variable's variable, embedded as the declared variable object, as Elsa writes it. */
export function SetVariablePicker({ id, label, description, required, error, activity, input, variables, update }: SetVariablePickerProps) {
  const current = activity[input.name] as { id?: string; name?: string } | string | undefined;
  const currentId = typeof current === "string" ? current : current?.id ?? current?.name ?? null;
  const known = variables.some((v) => v.id === currentId);
  return (
    <Select
      id={id}
      label={label}
      description={description}
      required={required}
      error={error ?? (currentId && !known ? `Variable '${currentId}' is not declared in this workflow.` : undefined)}
      placeholder={variables.length ? "Choose a variable" : "Declare a variable in the workflow's properties first"}
      data={[...variables.map((v) => ({ value: v.id, label: `${v.name} (${v.typeName})` })), ...(currentId && !known ? [{ value: currentId, label: `${currentId} (not declared)` }] : [])]}
      value={currentId}
      searchable
      comboboxProps={{ withinPortal: true }}
      onChange={(variableId) => {
        const variable = variables.find((v) => v.id === variableId);
        update((a) =>
          setProperty(a, input.name, variable ? { id: variable.id, name: variable.name, typeName: variable.typeName, isArray: variable.isArray ?? false, value: variable.value ?? null } : undefined),
        );
      }}
    />
  );
}
