import { useState } from "react";
import { Anchor, Badge, Button, Group, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { formatDateTime } from "../../../components/format";
import { DataTable, type DataColumn, type TableSort } from "../../../components/table/DataTable";
import type { Session } from "../api";
import { RevokeSessionDialog } from "./RevokeSessionDialog";
import { SessionStateBadge } from "./SessionStateBadge";
import { describeUserAgent } from "./userAgent";

const userColumn: DataColumn<Session> = {
  key: "user",
  header: "User",
  sort: "user",
  cell: (session) => (
    <>
      <Anchor component={Link} to={`/admin/users/${encodeURIComponent(session.userId)}`}>
        {session.displayName ?? session.email}
      </Anchor>
      {session.displayName && (
        <Text size="xs" c="dimmed">
          {session.email}
        </Text>
      )}
    </>
  ),
};

const sessionColumns = (revoke: (session: Session) => void): DataColumn<Session>[] => [
  {
    key: "client",
    header: "Client",
    cell: (session) => (
      <>
        <Group gap={6} wrap="nowrap">
          <Tooltip label={session.userAgent ?? "No user agent was sent"} multiline maw={420}>
            <Text size="sm" tabIndex={0}>
              {describeUserAgent(session.userAgent)}
            </Text>
          </Tooltip>
          <Badge variant="outline" color="gray.8" size="sm">
            {session.transport === "Cookie" ? "Browser" : "Token"}
          </Badge>
          {session.current && (
            <Badge variant="filled" color="blue.8" size="sm">
              This session
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {session.clientAddress ?? "Address not recorded"}
        </Text>
      </>
    ),
  },
  { key: "started", header: "Signed in", sort: "started", cell: (session) => <DateTime value={session.startedAt} /> },
  { key: "lastSeen", header: "Last seen", sort: "lastSeen", cell: (session) => <DateTime value={session.lastSeenAt} relative /> },
  {
    key: "state",
    header: "State",
    cell: (session) => (
      <>
        <SessionStateBadge session={session} />
        {session.endedAt && (
          <Text size="xs" c="dimmed">
            <DateTime value={session.endedAt} />
          </Text>
        )}
      </>
    ),
  },
  {
    key: "actions",
    header: <VisuallyHidden>Actions</VisuallyHidden>,
    cell: (session) =>
      session.state === "Active" && (
        <Button size="xs" variant="outline" color="red.9" onClick={() => revoke(session)} aria-label={`Revoke session of ${session.email} on ${describeUserAgent(session.userAgent)}, signed in ${formatDateTime(session.startedAt)}`}>
          Revoke
        </Button>
      ),
  },
];

/** Sessions with how and where they were signed in, and a Revoke for each active one. */
export function SessionsTable({ sessions, showUser, caption, sort }: { sessions: Session[]; showUser: boolean; caption: string; sort?: TableSort }) {
  const [revoking, setRevoking] = useState<Session | null>(null);
  const columns = sessionColumns(setRevoking);
  return (
    <>
      <DataTable columns={showUser ? [userColumn, ...columns] : columns} rows={sessions} rowKey={(session) => session.id} caption={caption} sort={sort} minWidth={800} striped highlightOnHover verticalSpacing="xs" />
      <RevokeSessionDialog session={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
