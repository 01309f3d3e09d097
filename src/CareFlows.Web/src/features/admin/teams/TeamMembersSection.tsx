import { useState } from "react";
import { Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { DataTable, type DataColumn } from "../../../components/table/DataTable";
import { adminApi, adminKeys, type Team, type TeamMember } from "../api";

/** Who is in the team, with a way to add anyone (found by name or email) and to take members out. */
export function TeamMembersSection({ team }: { team: Team }) {
  const queries = useQueryClient();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: adminKeys.users({ q: debounced.trim(), pageSize: 20 }),
    queryFn: ({ signal }) => adminApi.users({ q: debounced.trim() || undefined, pageSize: 20 }, signal),
  });
  const memberIds = new Set(team.members.map((m) => m.userId));
  const options = (candidates.data?.items ?? [])
    .filter((u) => !memberIds.has(u.id))
    .map((u) => ({ value: u.id, label: u.displayName ? `${u.displayName} (${u.email})` : u.email }));

  const refresh = () => {
    void queries.invalidateQueries({ queryKey: adminKeys.team(team.id) });
    void queries.invalidateQueries({ queryKey: adminKeys.teams, exact: true });
    void queries.invalidateQueries({ queryKey: adminKeys.allUsers });
  };
  const add = useMutation({
    mutationFn: (userId: string) => adminApi.addMember(team.id, userId),
    onSuccess: (_, userId) => {
      const label = options.find((o) => o.value === userId)?.label ?? "The user";
      setChosen(null);
      setSearch("");
      refresh();
      notifySuccess({ title: "Member added", message: `${label} is now in ${team.name}.` });
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => adminApi.removeMember(team.id, userId),
    onSuccess: () => {
      refresh();
      notifySuccess({ title: "Member removed", message: `They no longer see ${team.name}'s queue.` });
    },
  });

  const memberColumns = memberColumnsFor(team, remove);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="team-members-title">
      <Stack>
        <Title order={2} size="h3" id="team-members-title">
          Members ({team.members.length})
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) add.mutate(chosen);
          }}
        >
          <Group align="flex-end">
            <Select
              label="Add a member"
              description="Search by name or email"
              placeholder="Type to search users"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={options}
              value={chosen}
              onChange={setChosen}
              filter={({ options: all }) => all}
              nothingFoundMessage={candidates.isFetching ? "Searching…" : "No user found who is not already a member"}
              rightSection={candidates.isFetching ? <Loader size="xs" aria-label="Searching users" /> : undefined}
              w={380}
            />
            <Button type="submit" disabled={!chosen} loading={add.isPending}>
              Add to team
            </Button>
          </Group>
        </form>
        {candidates.error && <ErrorAlert error={candidates.error} title="Users could not be searched" />}
        {add.error && <ErrorAlert error={add.error} title="The member was not added" />}
        {remove.error && <ErrorAlert error={remove.error} title="The member was not removed" />}
        {team.members.length === 0 ? (
          <Text c="dimmed">Nobody is in this team yet.</Text>
        ) : (
          <DataTable columns={memberColumns} rows={team.members} rowKey={(member) => member.userId} caption="Sorted by email." sort={{ by: "email", direction: "ascending" }} minWidth={600} striped />
        )}
      </Stack>
    </Paper>
  );
}

function memberColumnsFor(team: Team, remove: { isPending: boolean; variables?: string; mutate: (userId: string) => void }): DataColumn<TeamMember>[] {
  return [
    {
      key: "name",
      header: "Name",
      cell: (member) => (
        <>
          <Anchor component={Link} to={`/admin/users/${encodeURIComponent(member.userId)}`}>
            {member.displayName ?? member.email}
          </Anchor>{" "}
          {!member.active && (
            <Badge color="gray.9" variant="outline" size="sm">
              Deactivated
            </Badge>
          )}
        </>
      ),
    },
    { key: "email", header: "Email", sort: "email", cell: (member) => member.email },
    { key: "added", header: "Added", cell: (member) => <DateTime value={member.addedAt} /> },
    {
      key: "actions",
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (member) => (
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          loading={remove.isPending && remove.variables === member.userId}
          onClick={() => remove.mutate(member.userId)}
          aria-label={`Remove ${member.displayName ?? member.email} from ${team.name}`}
        >
          Remove
        </Button>
      ),
    },
  ];
}
