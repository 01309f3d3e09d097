import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useNavigate } from "react-router";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { adminApi, adminKeys } from "../api";
import { FormDialog } from "../forms/FormDialog";
import { UserFields, userFieldId, userFieldNames, type UserFieldValues } from "./UserFields";

type Draft = Omit<UserFieldValues, "password">;
const empty: Draft = { email: "", displayName: "", roles: [], teams: [] };

/** Creates a user; what was typed survives an expired session, except the password, which is never stored. */
export function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(draftKey(user?.name ?? "", "admin:new-user"), empty);
  const [password, setPassword] = useState("");
  const create = useMutation({
    mutationFn: () => adminApi.createUser({ ...draft, email: draft.email.trim(), displayName: draft.displayName.trim(), password }),
    onSuccess: (created) => {
      clearDraft();
      setDraft(empty);
      setPassword("");
      void queries.invalidateQueries({ queryKey: adminKeys.allUsers });
      void queries.invalidateQueries({ queryKey: adminKeys.teams });
      notifySuccess({ title: "User created", message: `${created.displayName ?? created.email} can sign in now.` });
      onClose();
      navigate(`/admin/users/${encodeURIComponent(created.id)}`);
    },
  });
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title="Create user"
      size="lg"
      submitLabel="Create user"
      onSubmit={() => create.mutate()}
      error={create.error}
      pending={create.isPending}
      fieldNames={userFieldNames}
      fieldId={userFieldId}
      conflictField="email"
      failureTitle="The user was not created"
    >
      {(errors) => (
        <UserFields
          mode="create"
          values={{ ...draft, password }}
          onChange={({ password: typed, ...changes }) => {
            if (typed !== undefined) setPassword(typed);
            if (Object.keys(changes).length > 0) setDraft((current) => ({ ...current, ...changes }));
          }}
          errors={errors}
        />
      )}
    </FormDialog>
  );
}
