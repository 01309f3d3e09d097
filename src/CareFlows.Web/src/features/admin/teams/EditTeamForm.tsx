import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys, type Team } from "../api";
import { ErrorSummary } from "../forms/ErrorSummary";
import { errorsByField, formErrors } from "../forms/fieldErrors";
import { isFormError } from "../forms/isFormError";
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
  const errors = formErrors(save.error, teamFieldNames, { conflictField: "name" });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="team-details-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="team-details-title">
            Details
          </Title>
          <ErrorSummary errors={errors} fieldId={teamFieldId} />
          {save.error && !isFormError(save.error) && <ErrorAlert error={save.error} title="The team was not saved" />}
          <TeamFields mode="edit" values={draft} onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))} errors={errorsByField(errors)} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!changed}>
              Save changes
            </Button>
            {changed && (
              <Button
                variant="default"
                onClick={() => {
                  clearDraft();
                  setDraft(saved);
                  save.reset();
                }}
              >
                Discard changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
