import { useState } from "react";
import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { DataTable, type DataColumn } from "../../../components/table/DataTable";
import { PagedResults } from "../../../components/table/PagedResults";
import { adminApi, adminKeys, type User, type UserFilters } from "../api";
import { roleLabel, roleOptions } from "../components/roleLabels";
import { useListParams, useSearchText } from "../components/urlState";
import { useTeamOptions } from "../components/useTeamOptions";
import { UserStatusBadge } from "../components/UserStatusBadge";
import { CreateUserDialog } from "./CreateUserDialog";

const pageSize = 25;

const userStatuses = [
  { value: "all", label: "Active and deactivated" },
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

const userColumns: DataColumn<User>[] = [
  {
    key: "name",
    header: "Name",
    cell: (user) => (
      <Anchor component={Link} to={`/admin/users/${encodeURIComponent(user.id)}`}>
        {user.displayName ?? user.email}
      </Anchor>
    ),
  },
  { key: "email", header: "Email", cell: (user) => user.email, sort: "email" },
  {
    key: "roles",
    header: "Roles",
    cell: (user) => (
      <Group gap={4}>
        {user.roles.map((role) => (
          <Badge key={role} variant="outline" color="blue.9" size="sm">
            {roleLabel(role)}
          </Badge>
        ))}
      </Group>
    ),
  },
  { key: "teams", header: "Teams", cell: (user) => (user.teams.length === 0 ? <Text size="sm" c="dimmed">None</Text> : user.teams.map((t) => t.name).join(", ")) },
  { key: "status", header: "Status", cell: (user) => <UserStatusBadge user={user} /> },
];

/** Users by email, a page at a time, filtered by text, role, team and status — all kept in the address. */
export function UsersPage() {
  const list = useListParams();
  const [search, setSearch] = useSearchText(list);
  const [creating, setCreating] = useState(false);
  const teams = useTeamOptions();

  const filters: UserFilters = {
    q: list.text("q") || undefined,
    role: list.text("role") || undefined,
    team: list.text("team") || undefined,
    active: list.flag("active"),
    page: list.page,
    pageSize,
  };
  const users = useQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ signal }) => adminApi.users(filters, signal),
    placeholderData: keepPreviousData,
  });
  const status = filters.active === undefined ? "all" : filters.active ? "active" : "deactivated";

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Users</Title>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          Create user
        </Button>
      </Group>
      <Group align="flex-end" role="search" aria-label="Filter users">
        <TextInput
          label="Search"
          description="Email or display name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <Select
          label="Role"
          description="Holding this role"
          data={[{ value: "", label: "Any role" }, ...roleOptions]}
          value={filters.role ?? ""}
          onChange={(role) => list.set({ role })}
          allowDeselect={false}
          w={180}
        />
        <Select
          label="Team"
          description="Member of this team"
          data={[{ value: "", label: "Any team" }, ...teams.options]}
          value={filters.team ?? ""}
          onChange={(team) => list.set({ team })}
          allowDeselect={false}
          searchable
          w={220}
        />
        <Select
          label="Status"
          description="Whether they may sign in"
          data={userStatuses}
          value={status}
          onChange={(value) => list.set({ active: value === "all" ? null : value === "active" })}
          allowDeselect={false}
          w={220}
        />
      </Group>

      <PagedResults query={users} noun="users" errorTitle="The users could not be loaded" empty="No user matches these filters." onPageChange={(page) => list.set({ page })}>
        {(items) => <DataTable columns={userColumns} rows={items} rowKey={(user) => user.id} caption="Sorted by email." sort={{ by: "email", direction: "ascending" }} minWidth={760} striped highlightOnHover />}
      </PagedResults>
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
