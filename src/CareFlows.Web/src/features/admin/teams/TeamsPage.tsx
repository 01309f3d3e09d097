import { useState } from "react";
import { Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { IconSearch, IconUsersPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { DataTable, type DataColumn } from "../../../components/table/DataTable";
import { PagedResults } from "../../../components/table/PagedResults";
import { adminApi, adminKeys, type TeamListItem } from "../api";
import { useListParams, useSearchText } from "../components/urlState";
import { CreateTeamDialog } from "./CreateTeamDialog";
import { arrangeTeams, teamSorts, type TeamSort } from "./teamList";

const pageSize = 25;

const teamColumns: DataColumn<TeamListItem>[] = [
  {
    key: "name",
    header: "Name",
    sort: "name",
    cell: (team) => (
      <>
        <Anchor component={Link} to={`/admin/teams/${encodeURIComponent(team.id)}`}>
          {team.name}
        </Anchor>
        {team.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {team.description}
          </Text>
        )}
      </>
    ),
  },
  {
    key: "id",
    header: "Id",
    cell: (team) => (
      <Text size="sm" ff="monospace">
        {team.id}
      </Text>
    ),
  },
  { key: "members", header: "Members", align: "right", sort: "members", cell: (team) => team.memberCount },
  { key: "updated", header: "Changed", sort: "updated", cell: (team) => <DateTime value={team.updatedAt} /> },
];

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
      <PagedResults
        query={{ ...teams, data: shown ? { ...shown, pageSize } : undefined }}
        noun="teams"
        errorTitle="The teams could not be loaded"
        empty={teams.data?.length === 0 ? "There are no teams yet." : "No team matches this search."}
        onPageChange={(page) => list.set({ page })}
      >
        {(items) => (
          <DataTable
            columns={teamColumns}
            rows={items}
            rowKey={(team) => team.id}
            label="Teams"
            sort={{ by: sort, direction: sort === "name" ? "ascending" : "descending", onSort: (by) => list.set({ sort: by === "name" ? null : by }) }}
            minWidth={640}
            striped
            highlightOnHover
          />
        )}
      </PagedResults>
      <CreateTeamDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
