import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { IconCheck, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { DateTime } from "../../components/DateTime";
import { ListResults } from "../../components/table/ListResults";
import { DataTable, type DataColumn } from "../../components/table/DataTable";
import { fetchNotifications, notificationKeys, notificationKindLabels, useMarkRead, type UserNotification } from "./notificationsApi";

const pageSize = 25;

const notificationColumns = (mark: ReturnType<typeof useMarkRead>): DataColumn<UserNotification>[] => [
  { key: "when", header: "When", sort: "when", nowrap: true, cell: (n) => <DateTime value={n.createdAt} /> },
  { key: "kind", header: "Kind", cell: (n) => notificationKindLabels[n.kind] ?? n.kind },
  { key: "message", header: "Message", cell: (n) => n.message },
  {
    key: "task",
    header: "Task",
    cell: (n) =>
      n.taskId ? (
        <Anchor component={Link} to={`/tasks/${encodeURIComponent(n.taskId)}`} onClick={() => !n.readAt && mark.one.mutate(n.id)}>
          Open task
        </Anchor>
      ) : (
        "—"
      ),
  },
  {
    key: "read",
    header: "Read",
    cell: (n) =>
      n.readAt ? (
        <Text size="sm" c="dimmed">
          <DateTime value={n.readAt} />
        </Text>
      ) : (
        <Group gap="xs" wrap="nowrap">
          <Badge size="sm" color="blue.8">
            Unread
          </Badge>
          <Button size="compact-xs" variant="subtle" onClick={() => mark.one.mutate(n.id)} aria-label={`Mark read: ${n.message}`}>
            Mark read
          </Button>
        </Group>
      ),
  },
];

/**
 * `/notifications`: every notification, newest first, a page at a time. The server tells how many are unread but
 * not how many there are in all, so the pages are walked with Previous and Next.
 */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const unreadOnly = params.get("unread") === "true";
  const query = { page, pageSize, ...(unreadOnly ? { unread: true } : {}) };
  const list = useQuery({ queryKey: notificationKeys.page(query), queryFn: () => fetchNotifications(query), placeholderData: keepPreviousData });
  const mark = useMarkRead();
  const go = (next: Record<string, string | null>) => {
    const updated = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) updated.delete(key);
      else updated.set(key, value);
    }
    setParams(updated);
  };
  const items = list.data?.items ?? [];

  return (
    <Stack gap="sm" maw={1000}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Notifications
        </Title>
        <Group>
          <Switch label="Unread only" checked={unreadOnly} onChange={(e) => go({ unread: e.currentTarget.checked ? "true" : null, page: null })} />
          <Button variant="light" leftSection={<IconCheck size={16} aria-hidden />} disabled={!list.data?.unread} loading={mark.all.isPending} onClick={() => mark.all.mutate()}>
            Mark all read
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {list.data ? `${list.data.unread} unread` : ""}
      </Text>
      <Paper withBorder>
        <ListResults query={list} noun="notifications" errorTitle="Notifications could not be loaded" empty={unreadOnly ? "No unread notifications." : "No notifications."}>
          {(items) => (
            <DataTable
              columns={notificationColumns(mark)}
              rows={items}
              rowKey={(n) => n.id}
              rowProps={(n) => ({ bg: n.readAt ? undefined : "blue.0" })}
              label="Notifications"
              sort={{ by: "when", direction: "descending" }}
              verticalSpacing="xs"
            />
          )}
        </ListResults>
      </Paper>
      <Group justify="flex-end" gap="xs">
        <Text size="sm" c="dimmed">
          Page {page}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden />} disabled={page <= 1} onClick={() => go({ page: page - 1 === 1 ? null : String(page - 1) })}>
          Previous
        </Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden />} disabled={items.length < pageSize} onClick={() => go({ page: String(page + 1) })}>
          Next
        </Button>
      </Group>
    </Stack>
  );
}
