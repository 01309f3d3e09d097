import { useState } from "react";
import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys, type User } from "../api";
import { ErrorSummary } from "../forms/ErrorSummary";
import { errorsByField, formErrors } from "../forms/fieldErrors";
import { isFormError } from "../forms/isFormError";

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
  const errors = formErrors(reset.error, ["password"]);
  const close = () => {
    setPassword("");
    reset.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Reset the password of ${user.displayName ?? user.email}`} closeButtonProps={{ "aria-label": "Close" }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reset.mutate();
        }}
      >
        <Stack>
          <ErrorSummary errors={errors} fieldId={fieldId} />
          {reset.error && !isFormError(reset.error) && <ErrorAlert error={reset.error} title="The password was not reset" />}
          <Text size="sm">Every session of theirs ends at once, and a lockout after failed sign-ins is lifted.</Text>
          <PasswordInput
            id={fieldId("password")}
            label="New password"
            description="At least 12 characters. Give it to them in person."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errorsByField(errors).password}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={reset.isPending}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
