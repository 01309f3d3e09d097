import { useState } from "react";
import { Anchor, Breadcrumbs, Button, Center, Group, Loader, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../components/notifySuccess";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../api/problem";
import { useAuth } from "../../../auth/AuthContext";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { NotFound } from "../../../components/NotFound";
import { DateTime } from "../../../components/DateTime";
import { adminApi, adminKeys, type User } from "../api";
import { UserStatusBadge } from "../components/UserStatusBadge";
import { EditUserForm } from "./EditUserForm";
import { ResetPasswordDialog } from "./ResetPasswordDialog";
import { UserSessionsSection } from "./UserSessionsSection";

/** One user: their details to change, whether they may sign in, their password, and their sessions. */
export function UserPage() {
  const { id = "" } = useParams();
  const user = useQuery({ queryKey: adminKeys.user(id), queryFn: ({ signal }) => adminApi.user(id, signal) });

  if (user.error instanceof ApiError && user.error.status === 404) return <NotFound />;
  if (user.error) return <ErrorAlert error={user.error} title="The user could not be loaded" onRetry={() => void user.refetch()} />;
  if (!user.data)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the user" />
      </Center>
    );

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/users">
          Users
        </Anchor>
        <Text span>{user.data.displayName ?? user.data.email}</Text>
      </Breadcrumbs>
      <UserHeader user={user.data} />
      <EditUserForm key={user.data.id} user={user.data} />
      <UserSessionsSection user={user.data} />
    </Stack>
  );
}

function UserHeader({ user }: { user: User }) {
  const { user: me } = useAuth();
  const queries = useQueryClient();
  const [resetting, setResetting] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const self = me?.userId === user.id;
  const setActive = useMutation({
    mutationFn: (active: boolean) => adminApi.setActive(user.id, active),
    onSuccess: (updated) => {
      queries.setQueryData(adminKeys.user(user.id), updated);
      void queries.invalidateQueries({ queryKey: adminKeys.allUsers });
      void queries.invalidateQueries({ queryKey: adminKeys.sessions });
      setDeactivating(false);
      notifySuccess({
        title: updated.active ? "User activated" : "User deactivated",
        message: updated.active ? `${updated.displayName ?? updated.email} can sign in again.` : `${updated.displayName ?? updated.email} is signed out everywhere and cannot sign in.`,
      });
    },
  });

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{user.displayName ?? user.email}</Title>
          <Group gap="xs">
            <Text c="dimmed">{user.email}</Text>
            <UserStatusBadge user={user} />
          </Group>
          {user.deactivatedAt && (
            <Text size="sm" c="dimmed">
              Deactivated <DateTime value={user.deactivatedAt} />
            </Text>
          )}
        </div>
        <Group>
          <Button variant="default" onClick={() => setResetting(true)}>
            Reset password
          </Button>
          {user.active && !self && (
            <Button variant="outline" color="red.9" onClick={() => setDeactivating(true)}>
              Deactivate
            </Button>
          )}
          {!user.active && (
            <Button variant="outline" loading={setActive.isPending} onClick={() => setActive.mutate(true)}>
              Activate
            </Button>
          )}
        </Group>
      </Group>
      {setActive.error && !deactivating && <ErrorAlert error={setActive.error} title="The change was not made" />}
      <ResetPasswordDialog user={user} opened={resetting} onClose={() => setResetting(false)} />
      <Modal opened={deactivating} onClose={() => setDeactivating(false)} title={`Deactivate ${user.displayName ?? user.email}?`} centered closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>They are signed out everywhere at once and cannot sign in until an admin activates them again. Their roles and teams stay.</Text>
          {setActive.error && <ErrorAlert error={setActive.error} title="The user was not deactivated" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeactivating(false)}>
              Cancel
            </Button>
            <Button color="red.9" loading={setActive.isPending} onClick={() => setActive.mutate(false)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
