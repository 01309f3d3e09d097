import { useState } from "react";
import { ActionIcon, Anchor, Badge, Button, Center, Divider, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { IconBell, IconCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DateTime } from "../../components/DateTime";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fetchNotifications, notificationKeys, notificationKindLabels, useMarkRead } from "./notificationsApi";

const latest = { page: 1, pageSize: 8 };

/** The bell in the header: how many are unread, and the latest in a popover to read, mark read or follow to their task. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const list = useQuery({ queryKey: notificationKeys.page(latest), queryFn: () => fetchNotifications(latest) });
  const mark = useMarkRead();
  const unread = list.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={`Notifications, ${unread} unread`} onClick={() => setOpened((o) => !o)} data-testid="notifications-bell">
          <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} color="red.9" aria-hidden>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Notifications" p={0}>
        <Group justify="space-between" p="sm">
          <Text fw={700}>Notifications</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={mark.all.isPending} onClick={() => mark.all.mutate()}>
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} viewportProps={{ tabIndex: 0, "aria-label": "Notifications list" }}>
          {list.isPending && (
            <Center p="md">
              <Loader size="sm" aria-label="Loading notifications" />
            </Center>
          )}
          {list.isError && (
            <Stack p="sm">
              <ErrorAlert error={list.error} title="Notifications could not be loaded" onRetry={() => void list.refetch()} />
            </Stack>
          )}
          {list.data?.items.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              Nothing yet. You are told here when a task is assigned or delegated to you, escalated to your team, or misses a deadline.
            </Text>
          )}
          <Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {list.data?.items.map((n) => (
              <li key={n.id}>
                <Stack gap={4} p="sm" bg={n.readAt ? undefined : "blue.0"} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Group gap={6}>
                      {!n.readAt && (
                        <Badge size="xs" color="blue.8">
                          New
                        </Badge>
                      )}
                      <Text size="xs" fw={700}>
                        {notificationKindLabels[n.kind] ?? n.kind}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      <DateTime value={n.createdAt} relative />
                    </Text>
                  </Group>
                  <Text size="sm">{n.message}</Text>
                  <Group gap="xs">
                    {n.taskId && (
                      <Anchor
                        component={Link}
                        to={`/tasks/${encodeURIComponent(n.taskId)}`}
                        size="sm"
                        onClick={() => {
                          if (!n.readAt) mark.one.mutate(n.id);
                          setOpened(false);
                        }}
                      >
                        Open task
                      </Anchor>
                    )}
                    {!n.readAt && (
                      <Button size="compact-xs" variant="subtle" leftSection={<IconCheck size={12} aria-hidden />} onClick={() => mark.one.mutate(n.id)}>
                        Mark read
                      </Button>
                    )}
                  </Group>
                </Stack>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Group p="sm" justify="center">
          <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>
            See all notifications
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
