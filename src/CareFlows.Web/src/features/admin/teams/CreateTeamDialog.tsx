import { Button, Group, Modal, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { useNavigate } from "react-router";
import { useAuth } from "../../../auth/AuthContext";
import { draftKey, useDraft } from "../../../auth/drafts";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys } from "../api";
import { ErrorSummary } from "../forms/ErrorSummary";
import { errorsByField, formErrors } from "../forms/fieldErrors";
import { isFormError } from "../forms/isFormError";
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
  // A conflict may be the id or the name; its message says which, so it is not tied to one field.
  const errors = formErrors(create.error, teamFieldNames);

  return (
    <Modal opened={opened} onClose={onClose} title="Create team" size="lg" closeButtonProps={{ "aria-label": "Close" }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <ErrorSummary errors={errors} fieldId={teamFieldId} />
          {create.error && !isFormError(create.error) && <ErrorAlert error={create.error} title="The team was not created" />}
          <TeamFields mode="create" values={draft} onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))} errors={errorsByField(errors)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
