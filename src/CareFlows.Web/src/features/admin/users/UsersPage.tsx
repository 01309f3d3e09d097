import { useState } from "react";
import { Anchor, Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys, type UserFilters } from "../api";
import { Pager } from "../components/Pager";
import { roleLabel, roleOptions } from "../components/roleLabels";
import { useListParams, useSearchText } from "../components/urlState";
import { useTeamOptions } from "../components/useTeamOptions";
import { UserStatusBadge } from "../components/UserStatusBadge";
import { CreateUserDialog } from "./CreateUserDialog";

const pageSize = 25;

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
          data={[
            { value: "all", label: "Active and deactivated" },
            { value: "active", label: "Active" },
            { value: "deactivated", label: "Deactivated" },
          ]}
          value={status}
          onChange={(value) => list.set({ active: value === "all" ? null : value === "active" })}
          allowDeselect={false}
          w={220}
        />
      </Group>

      {users.error ? (
        <ErrorAlert error={users.error} title="The users could not be loaded" onRetry={() => void users.refetch()} />
      ) : !users.data ? (
        <Center p="xl">
          <Loader aria-label="Loading users" />
        </Center>
      ) : users.data.items.length === 0 ? (
        <Text c="dimmed" p="md">
          No user matches these filters.
        </Text>
      ) : (
        <div aria-busy={users.isFetching}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                <Text size="sm" c="dimmed" component="span">
                  Sorted by email.
                </Text>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Roles</Table.Th>
                  <Table.Th scope="col">Teams</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${encodeURIComponent(user.id)}`}>
                        {user.displayName ?? user.email}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.map((role) => (
                          <Badge key={role} variant="outline" color="blue.9" size="sm">
                            {roleLabel(role)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{user.teams.length === 0 ? <Text size="sm" c="dimmed">None</Text> : user.teams.map((t) => t.name).join(", ")}</Table.Td>
                    <Table.Td>
                      <UserStatusBadge user={user} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onChange={(page) => list.set({ page })} label="users" />
        </div>
      )}
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
