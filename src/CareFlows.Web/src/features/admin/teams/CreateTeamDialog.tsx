import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useNavigate } from "react-router";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { adminApi, adminKeys } from "../api";
import { FormDialog } from "../forms/FormDialog";
import { TeamFields, teamFieldId, teamFieldNames, type TeamFieldValues } from "./TeamFields";

const empty: TeamFieldValues = { id: "", name: "", description: "" };

export function CreateTeamDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [draft, setDraft, clearDraft] = useDraft<TeamFieldValues>(draftKey(user?.name ?? "", "admin:new-team"), empty);
  const create = useMutation({
    mutationFn: () =>
      adminApi.createTeam({
        id: draft.id.trim() || undefined,
        name: draft.name.trim(),
        description: draft.description.trim() || null,
      }),
    onSuccess: (team) => {
      clearDraft();
      setDraft(empty);
      void queries.invalidateQueries({ queryKey: adminKeys.teams });
      notifySuccess({ title: "Team created", message: `${team.name} has no members yet.` });
      onClose();
      navigate(`/admin/teams/${encodeURIComponent(team.id)}`);
    },
  });
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title="Create team"
      size="lg"
      submitLabel="Create team"
      onSubmit={() => create.mutate()}
      error={create.error}
      pending={create.isPending}
      fieldNames={teamFieldNames}
      fieldId={teamFieldId}
      // A conflict may be the id or the name; its message says which, so it is not tied to one field.
      failureTitle="The team was not created"
    >
      {(errors) => <TeamFields mode="create" values={draft} onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))} errors={errors} />}
    </FormDialog>
  );
}
