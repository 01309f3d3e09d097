import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { Roles } from "../../../auth/roles";
import { adminApi, adminKeys, type User } from "../api";
import { EditFormSection } from "../forms/EditFormSection";
import { UserFields, userFieldId, userFieldNames } from "./UserFields";

interface Draft {
  displayName: string;
  roles: string[];
  teams: string[];
}

const fromUser = (user: User): Draft => ({ displayName: user.displayName ?? "", roles: [...user.roles], teams: user.teams.map((t) => t.id) });
const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** Changes a user's display name, roles and teams; unsaved changes survive an expired session. */
export function EditUserForm({ user }: { user: User }) {
  const { user: me } = useAuth();
  const queries = useQueryClient();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(draftKey(me?.name ?? "", `admin:user:${user.id}`), () => fromUser(user));
  const saved = fromUser(user);
  const changed = draft.displayName !== saved.displayName || !same(draft.roles, saved.roles) || !same(draft.teams, saved.teams);
  const rolesChanged = !same(draft.roles, saved.roles);
  const self = me?.userId === user.id;

  const save = useMutation({
    mutationFn: () =>
      adminApi.updateUser(user.id, {
        displayName: draft.displayName.trim(),
        ...(rolesChanged ? { roles: draft.roles } : {}),
        teams: draft.teams,
      }),
    onSuccess: (updated) => {
      clearDraft();
      setDraft(fromUser(updated));
      queries.setQueryData(adminKeys.user(user.id), updated);
      void queries.invalidateQueries({ queryKey: adminKeys.allUsers });
      void queries.invalidateQueries({ queryKey: adminKeys.teams });
      void queries.invalidateQueries({ queryKey: adminKeys.sessions });
      notifySuccess({
        title: "Changes saved",
        message: rolesChanged ? `${updated.displayName ?? updated.email} was signed out everywhere and will sign in with the new roles.` : "The user's details are up to date.",
      });
    },
  });

  const onChange = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  // The server refuses an admin taking the Admin role from themselves, so the form does not offer it.
  const lockedRoles = self && user.roles.includes(Roles.Admin) ? [{ role: Roles.Admin, reason: "You cannot take it from yourself; another admin can." }] : [];

  return (
    <EditFormSection
      titleId="user-details-title"
      onSubmit={() => save.mutate()}
      error={save.error}
      pending={save.isPending}
      fieldNames={userFieldNames}
      fieldId={userFieldId}
      failureTitle="The changes were not saved"
      changed={changed}
      onDiscard={() => {
        clearDraft();
        setDraft(saved);
        save.reset();
      }}
    >
      {(errors) => <UserFields mode="edit" values={{ ...draft, email: user.email, password: "" }} onChange={onChange} errors={errors} lockedRoles={lockedRoles} />}
    </EditFormSection>
  );
}
