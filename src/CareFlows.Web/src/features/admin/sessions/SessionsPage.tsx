import { Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconSearch } from "@tabler/icons-react";
import { type SortDirection } from "../../../components/table/DataTable";
import { PagedResults } from "../../../components/table/PagedResults";
import { adminApi, adminKeys, type SessionFilters, type SessionSort } from "../api";
import { SessionsTable } from "../components/SessionsTable";
import { useListParams, useSearchText } from "../components/urlState";

const pageSize = 25;
const sorts: { value: SessionSort; label: string; caption: string; direction: SortDirection }[] = [
  { value: "started", label: "Newest sign-in", caption: "Newest sign-in first.", direction: "descending" },
  { value: "lastSeen", label: "Most recently used", caption: "Most recently used first.", direction: "descending" },
  { value: "user", label: "User (by email)", caption: "By the user's email, then newest sign-in.", direction: "ascending" },
];

const sessionStates = [
  { value: "active", label: "Active sessions" },
  { value: "ended", label: "Ended, expired or timed out" },
  { value: "all", label: "All sessions" },
];

/** Who is signed in where, across every user, with Revoke; filters, sort and page are kept in the address. */
export function SessionsPage() {
  const list = useListParams();
  const [search, setSearch] = useSearchText(list);
  const sort = sorts.find((s) => s.value === list.text("sort")) ?? sorts[0];
  // Active sessions unless the address asks for the ended ones or all.
  const which = list.text("state") === "ended" ? "ended" : list.text("state") === "all" ? "all" : "active";
  const filters: SessionFilters = {
    q: list.text("q") || undefined,
    active: which === "all" ? undefined : which === "active",
    sort: sort.value,
    page: list.page,
    pageSize,
  };
  const sessions = useQuery({
    queryKey: adminKeys.allSessions(filters),
    queryFn: ({ signal }) => adminApi.sessions(filters, signal),
    placeholderData: keepPreviousData,
    // Who is signed in changes by itself: refresh while the page is open.
    refetchInterval: 30_000,
  });

  return (
    <Stack>
      <Title order={1}>Sessions</Title>
      <Text c="dimmed" size="sm">
        Every sign-in, in the web app (browser) or by a program (token). Revoking one signs its user out of it at their next request; their other sessions stay.
      </Text>
      <Group align="flex-end" role="search" aria-label="Filter sessions">
        <TextInput label="Search" description="User's email or display name" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <Select
          label="Show"
          description="Active: may be used now"
          data={sessionStates}
          value={which}
          onChange={(value) => list.set({ state: value === "active" ? null : value })}
          allowDeselect={false}
          w={240}
        />
        <Select label="Sort by" description="Order of the list" data={sorts} value={sort.value} onChange={(value) => list.set({ sort: value === "started" ? null : value })} allowDeselect={false} w={220} />
      </Group>
      <PagedResults query={sessions} noun="sessions" errorTitle="The sessions could not be loaded" empty="No session matches these filters." onPageChange={(page) => list.set({ page })}>
        {(items) => <SessionsTable sessions={items} showUser caption={sort.caption} sort={{ by: sort.value, direction: sort.direction, onSort: (by) => list.set({ sort: by === "started" ? null : by }) }} />}
      </PagedResults>
    </Stack>
  );
}
