import { useState } from "react";
import { Anchor, Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { formatDateTime } from "../../../components/format";
import type { Session } from "../api";
import { RevokeSessionDialog } from "./RevokeSessionDialog";
import { SessionStateBadge } from "./SessionStateBadge";
import { describeUserAgent } from "./userAgent";

/** Sessions with how and where they were signed in, and a Revoke for each active one. */
export function SessionsTable({ sessions, showUser, caption }: { sessions: Session[]; showUser: boolean; caption: string }) {
  const [revoking, setRevoking] = useState<Session | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
            <Text size="sm" c="dimmed" component="span">
              {caption}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {showUser && <Table.Th scope="col">User</Table.Th>}
              <Table.Th scope="col">Client</Table.Th>
              <Table.Th scope="col">Signed in</Table.Th>
              <Table.Th scope="col">Last seen</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((session) => (
              <Table.Tr key={session.id}>
                {showUser && (
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${encodeURIComponent(session.userId)}`}>
                      {session.displayName ?? session.email}
                    </Anchor>
                    {session.displayName && (
                      <Text size="xs" c="dimmed">
                        {session.email}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
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
                </Table.Td>
                <Table.Td>
                  <DateTime value={session.startedAt} />
                </Table.Td>
                <Table.Td>
                  <DateTime value={session.lastSeenAt} relative />
                </Table.Td>
                <Table.Td>
                  <SessionStateBadge session={session} />
                  {session.endedAt && (
                    <Text size="xs" c="dimmed">
                      <DateTime value={session.endedAt} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {session.state === "Active" && (
                    <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(session)} aria-label={`Revoke session of ${session.email} on ${describeUserAgent(session.userAgent)}, signed in ${formatDateTime(session.startedAt)}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RevokeSessionDialog session={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
