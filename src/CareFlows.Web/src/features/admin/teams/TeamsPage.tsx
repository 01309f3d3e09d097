import { useState } from "react";
import { Anchor, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { IconSearch, IconUsersPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys } from "../api";
import { Pager } from "../components/Pager";
import { useListParams, useSearchText } from "../components/urlState";
import { CreateTeamDialog } from "./CreateTeamDialog";
import { arrangeTeams, teamSorts, type TeamSort } from "./teamList";

const pageSize = 25;

/** Every team with its number of members; search, sort and page are kept in the address. */
export function TeamsPage() {
  const list = useListParams();
  const [search, setSearch] = useSearchText(list);
  const [creating, setCreating] = useState(false);
  const teams = useQuery({ queryKey: adminKeys.teams, queryFn: ({ signal }) => adminApi.teams(signal) });
  const sort = (teamSorts.some((s) => s.value === list.text("sort")) ? list.text("sort") : "name") as TeamSort;
  const shown = teams.data ? arrangeTeams(teams.data, list.text("q"), sort, list.page, pageSize) : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Teams</Title>
        <Button leftSection={<IconUsersPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          Create team
        </Button>
      </Group>
      <Group align="flex-end" role="search" aria-label="Filter teams">
        <TextInput label="Search" description="Name, id or description" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <Select label="Sort by" data={teamSorts} value={sort} onChange={(value) => list.set({ sort: value === "name" ? null : value })} allowDeselect={false} w={200} />
      </Group>
      {teams.error ? (
        <ErrorAlert error={teams.error} title="The teams could not be loaded" onRetry={() => void teams.refetch()} />
      ) : !shown ? (
        <Center p="xl">
          <Loader aria-label="Loading teams" />
        </Center>
      ) : shown.total === 0 ? (
        <Text c="dimmed" p="md">
          {teams.data?.length === 0 ? "There are no teams yet." : "No team matches this search."}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Id</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Members
                  </Table.Th>
                  <Table.Th scope="col">Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.items.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/teams/${encodeURIComponent(team.id)}`}>
                        {team.name}
                      </Anchor>
                      {team.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {team.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {team.id}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{team.memberCount}</Table.Td>
                    <Table.Td>
                      <DateTime value={team.updatedAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={shown.page} pageSize={pageSize} total={shown.total} onChange={(page) => list.set({ page })} label="teams" />
        </>
      )}
      <CreateTeamDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
