import { Select, Stack, Text } from "@mantine/core";
import type { ActivityDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaVariable } from "../../../components/flow/elsa";
import { writeOutput } from "../model/inputWrite";
import { inputFieldId } from "../model/problemPaths";

interface OutputsTabProps {
  activity: ElsaActivity;
  descriptor: ActivityDescriptor;
  variables: ElsaVariable[];
  update: (change: (a: ElsaActivity) => ElsaActivity, coalesce?: string) => void;
}

/** Each output can be kept in a workflow variable (`memoryReference` by the variable's id). */
export function OutputsTab({ activity, descriptor, variables, update }: OutputsTabProps) {
  return (
    <Stack gap="sm">
      {variables.length === 0 && (
        <Text size="sm" c="dimmed">
          Declare variables in the workflow's properties (click the empty canvas) to keep outputs in them.
        </Text>
      )}
      {descriptor.outputs.map((output) => {
        const bound = (activity[output.name] as { memoryReference?: { id?: string } } | undefined)?.memoryReference?.id ?? null;
        const known = !bound || variables.some((v) => v.id === bound);
        return (
          <Select
            key={output.name}
            id={inputFieldId(activity.id, output.name)}
            label={`${output.name} (${output.typeName})`}
            description={output.description}
            placeholder="Not kept"
            clearable
            data={[...variables.map((v) => ({ value: v.id, label: v.name })), ...(known ? [] : [{ value: bound!, label: `${bound} (not declared)` }])]}
            value={bound}
            error={known ? undefined : `Variable '${bound}' is not declared.`}
            onChange={(variableId) => update((a) => writeOutput(a, output.name, variableId))}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
    </Stack>
  );
}
