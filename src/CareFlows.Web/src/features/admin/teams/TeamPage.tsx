import { useState } from "react";
import { Anchor, Breadcrumbs, Button, Center, Group, Loader, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../../api/problem";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { NotFound } from "../../../components/NotFound";
import { adminApi, adminKeys, type Team } from "../api";
import { EditTeamForm } from "./EditTeamForm";
import { TeamMembersSection } from "./TeamMembersSection";

/** One team: its name and description, its members, and deleting it once it is empty. */
export function TeamPage() {
  const { id = "" } = useParams();
  const team = useQuery({ queryKey: adminKeys.team(id), queryFn: ({ signal }) => adminApi.team(id, signal) });

  if (team.error instanceof ApiError && team.error.status === 404) return <NotFound />;
  if (team.error) return <ErrorAlert error={team.error} title="The team could not be loaded" onRetry={() => void team.refetch()} />;
  if (!team.data)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the team" />
      </Center>
    );

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/teams">
          Teams
        </Anchor>
        <Text span>{team.data.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{team.data.name}</Title>
          <Text c="dimmed" ff="monospace" size="sm">
            {team.data.id}
          </Text>
        </div>
        <DeleteTeam team={team.data} />
      </Group>
      <EditTeamForm key={team.data.id} team={team.data} />
      <TeamMembersSection team={team.data} />
    </Stack>
  );
}

function DeleteTeam({ team }: { team: Team }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => adminApi.deleteTeam(team.id),
    onSuccess: () => {
      queries.removeQueries({ queryKey: adminKeys.team(team.id) });
      void queries.invalidateQueries({ queryKey: adminKeys.teams, exact: true });
      notifySuccess({ title: "Team deleted", message: `${team.name} is gone.` });
      navigate("/admin/teams");
    },
  });
  // The server refuses to delete a team with members, so the button is offered only for an empty one.
  if (team.members.length > 0)
    return (
      <Text size="sm" c="dimmed" maw={260} ta="right">
        Remove every member to be able to delete this team.
      </Text>
    );

  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
        Delete team
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Delete ${team.name}?`} centered closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>The team has no members. Pathways that route tasks to “{team.id}” will find no queue until a team with that id exists again.</Text>
          {remove.error && <ErrorAlert error={remove.error} title="The team was not deleted" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete team
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
