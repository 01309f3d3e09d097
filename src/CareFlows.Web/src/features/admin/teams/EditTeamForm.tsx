import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { adminApi, adminKeys, type Team } from "../api";
import { EditFormSection } from "../forms/EditFormSection";
import { TeamFields, teamFieldId, teamFieldNames, type TeamFieldValues } from "./TeamFields";

const fromTeam = (team: Team): TeamFieldValues => ({ id: team.id, name: team.name, description: team.description ?? "" });

/** Renames a team and changes its description; unsaved changes survive an expired session. */
export function EditTeamForm({ team }: { team: Team }) {
  const { user } = useAuth();
  const queries = useQueryClient();
  const [draft, setDraft, clearDraft] = useDraft<TeamFieldValues>(draftKey(user?.name ?? "", `admin:team:${team.id}`), () => fromTeam(team));
  const saved = fromTeam(team);
  const changed = draft.name !== saved.name || draft.description !== saved.description;
  const save = useMutation({
    mutationFn: () => adminApi.updateTeam(team.id, { name: draft.name.trim(), description: draft.description.trim() || null }),
    onSuccess: (updated) => {
      clearDraft();
      setDraft(fromTeam(updated));
      queries.setQueryData(adminKeys.team(team.id), updated);
      void queries.invalidateQueries({ queryKey: adminKeys.teams, exact: true });
      notifySuccess({ title: "Team saved", message: `${updated.name} is up to date.` });
    },
  });

  return (
    <EditFormSection
      titleId="team-details-title"
      onSubmit={() => save.mutate()}
      error={save.error}
      pending={save.isPending}
      fieldNames={teamFieldNames}
      fieldId={teamFieldId}
      conflictField="name"
      failureTitle="The team was not saved"
      changed={changed}
      onDiscard={() => {
        clearDraft();
        setDraft(saved);
        save.reset();
      }}
    >
      {(errors) => <TeamFields mode="edit" values={draft} onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))} errors={errors} />}
    </EditFormSection>
  );
}
