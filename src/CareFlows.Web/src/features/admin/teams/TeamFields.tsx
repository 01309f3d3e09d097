import { Stack, TextInput, Textarea } from "@mantine/core";

export interface TeamFieldValues {
  id: string;
  name: string;
  description: string;
}

export const teamFieldNames = ["id", "name", "description"] as const;
export const teamFieldId = (field: string) => `team-${field}`;

/** A team's name and description, and on creation the id it keeps for ever. */
export function TeamFields({
  values,
  onChange,
  errors,
  mode,
}: {
  values: TeamFieldValues;
  onChange: (changes: Partial<TeamFieldValues>) => void;
  errors: Record<string, string>;
  mode: "create" | "edit";
}) {
  return (
    <Stack gap="md">
      <TextInput
        id={teamFieldId("name")}
        label="Name"
        description="Unique, whatever the case."
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors.name}
      />
      {mode === "create" && (
        <TextInput
          id={teamFieldId("id")}
          label="Id (optional)"
          description="Lower-case words joined by hyphens, such as transitions-of-care. Made from the name when left empty. It never changes: pathways route tasks to it."
          value={values.id}
          onChange={(e) => onChange({ id: e.currentTarget.value })}
          error={errors.id}
        />
      )}
      <Textarea
        id={teamFieldId("description")}
        label="Description (optional)"
        description="What the team does."
        autosize
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={errors.description}
      />
    </Stack>
  );
}
