import { useState } from "react";
import { PasswordInput, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { adminApi, adminKeys, type User } from "../api";
import { FormDialog } from "../forms/FormDialog";

const fieldId = (field: string) => `reset-${field}`;

/** Sets a new password, which signs the user out everywhere and lifts a lockout. */
export function ResetPasswordDialog({ user, opened, onClose }: { user: User; opened: boolean; onClose: () => void }) {
  const queries = useQueryClient();
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: () => adminApi.resetPassword(user.id, password),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: adminKeys.user(user.id) });
      void queries.invalidateQueries({ queryKey: adminKeys.sessions });
      notifySuccess({ title: "Password reset", message: `${user.displayName ?? user.email} can sign in with the new password.` });
      close();
    },
  });
  const close = () => {
    setPassword("");
    reset.reset();
    onClose();
  };

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Reset the password of ${user.displayName ?? user.email}`}
      submitLabel="Reset password"
      submitColor="red.9"
      onSubmit={() => reset.mutate()}
      error={reset.error}
      pending={reset.isPending}
      fieldNames={["password"]}
      fieldId={fieldId}
      failureTitle="The password was not reset"
    >
      {(errors) => (
        <>
          <Text size="sm">Every session of theirs ends at once, and a lockout after failed sign-ins is lifted.</Text>
          <PasswordInput
            id={fieldId("password")}
            label="New password"
            description="At least 12 characters. Give it to them in person."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            data-autofocus
          />
        </>
      )}
    </FormDialog>
  );
}
