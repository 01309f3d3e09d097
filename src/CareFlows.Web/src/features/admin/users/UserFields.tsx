import type { ChangeEvent } from "react";
import { Checkbox, Loader, MultiSelect, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { Role } from "../../../auth/roles";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { roleHints, roleOptions } from "../components/roleLabels";
import { useTeamOptions } from "../components/useTeamOptions";

export interface UserFieldValues {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  teams: string[];
}

export const userFieldNames = ["email", "displayName", "password", "roles", "teams"] as const;
export const userFieldId = (field: string) => `user-${field}`;

/**
 * The fields of a user, for creating one (with email and initial password) or changing one (name, roles, teams).
 * Messages come from the server by field; every field has a label and a hint.
 */
export function UserFields({
  values,
  onChange,
  errors,
  mode,
  lockedRoles = [],
}: {
  values: UserFieldValues;
  onChange: (changes: Partial<UserFieldValues>) => void;
  errors: Record<string, string>;
  mode: "create" | "edit";
  /** Roles that may not be taken away here, with why. */
  lockedRoles?: { role: string; reason: string }[];
}) {
  const teams = useTeamOptions();
  // What every text field of the form shares: its id, its value and message by name, and how it changes.
  const bound = (name: "email" | "displayName" | "password") => ({
    id: userFieldId(name),
    required: true,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ [name]: e.currentTarget.value }),
    error: errors[name],
  });
  return (
    <Stack gap="md">
      {mode === "create" && (
        <TextInput {...bound("email")} label="Email" description="Also the name they sign in with." type="email" autoComplete="off" />
      )}
      <TextInput {...bound("displayName")} label="Display name" description="The name others see in the inbox and the audit trail." />
      {mode === "create" && (
        <PasswordInput {...bound("password")} label="Initial password" description="At least 12 characters. Give it to them in person; they can sign in with it at once." autoComplete="new-password" />
      )}
      <Checkbox.Group
        id={userFieldId("roles")}
        label="Roles"
        description={mode === "edit" ? "At least one. Changing roles signs the user out everywhere, so their next sign-in carries the new roles." : "At least one."}
        withAsterisk
        value={values.roles}
        onChange={(roles) => onChange({ roles })}
        error={errors.roles}
      >
        <Stack gap={6} mt={6}>
          {roleOptions.map((role) => {
            const locked = lockedRoles.find((l) => l.role === role.value);
            return (
              <Checkbox
                key={role.value}
                value={role.value}
                label={role.label}
                description={locked ? `${roleHints[role.value as Role]} ${locked.reason}` : roleHints[role.value as Role]}
                disabled={!!locked}
              />
            );
          })}
        </Stack>
      </Checkbox.Group>
      {teams.error ? (
        <ErrorAlert error={teams.error} title="The teams could not be loaded" onRetry={() => void teams.refetch()} />
      ) : (
        <MultiSelect
          id={userFieldId("teams")}
          label="Teams"
          description="Coordinators see and claim the tasks in their teams' queues."
          data={teams.options}
          value={values.teams}
          onChange={(selected) => onChange({ teams: selected })}
          error={errors.teams}
          searchable
          clearable
          nothingFoundMessage="No team has that name"
          placeholder={values.teams.length === 0 ? "No teams" : undefined}
          rightSection={teams.loading ? <Loader size="xs" aria-label="Loading teams" /> : undefined}
        />
      )}
      {mode === "create" && (
        <Text size="xs" c="dimmed">
          Fields marked * are required.
        </Text>
      )}
    </Stack>
  );
}
