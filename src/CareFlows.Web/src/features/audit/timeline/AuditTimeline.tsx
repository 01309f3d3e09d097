import { Alert, Anchor, Center, Loader, Table, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { absoluteTime } from "../../instances/JournalTimeline";
import { OutcomeBadge, PurposeBadge, SourceBadge } from "../AuditBadges";
import { recordPath } from "../AuditTable";
import { emergencyPurpose, type TimelineEntry, type TimelineResponse } from "../auditTypes";

/** What an entry's details say in a line: its fields as `name: value`, short enough for a list. */
export function summariseDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object") return String(details);
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}

function What({ entry }: { entry: TimelineEntry }) {
  const what = (
    <Text span ff="monospace" size="sm">
      {entry.what}
    </Text>
  );
  return (
    <>
      {entry.source === "audit" && entry.sequence !== null ? (
        <Anchor component={Link} to={recordPath(entry.sequence)} aria-label={`${entry.what}, record ${entry.sequence}`}>
          {what}
        </Anchor>
      ) : entry.taskId ? (
        <>
          {what}{" "}
          <Anchor component={Link} to={`/tasks/${encodeURIComponent(entry.taskId)}`} size="xs">
            task
          </Anchor>
        </>
      ) : (
        what
      )}
      {entry.details !== null && entry.details !== undefined && (
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
          {summariseDetails(entry.details)}
        </Text>
      )}
    </>
  );
}

/**
 * Everything that happened to one subject, oldest first, from the engine's journal, the tasks' history and the audit
 * log together, each entry saying where it comes from.
 */
export function AuditTimeline({ timeline, label }: { timeline: UseQueryResult<TimelineResponse>; label: string }) {
  if (timeline.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the timeline" />
      </Center>
    );
  if (timeline.isError) return <ErrorAlert error={timeline.error} title="The timeline could not be loaded" onRetry={() => void timeline.refetch()} />;
  const { items, truncated } = timeline.data;
  if (items.length === 0)
    return (
      <Text c="dimmed" p="md">
        Nothing is recorded for {label}.
      </Text>
    );
  return (
    <>
      {truncated && (
        <Alert color="blue" variant="light" mb="sm">
          There is more than a timeline shows: these are the newest {items.length} entries. Search the audit log for older ones.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table fz="sm" striped highlightOnHover verticalSpacing={6} aria-label={`Timeline of ${label}`} data-testid="timeline">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Time</Table.Th>
              <Table.Th scope="col">Source</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry, index) => (
              <Table.Tr key={`${entry.source}-${entry.sequence ?? ""}-${entry.at}-${index}`} data-testid="timeline-entry" data-source={entry.source}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <time dateTime={entry.at}>{absoluteTime(entry.at)}</time>
                </Table.Td>
                <Table.Td>
                  <SourceBadge source={entry.source} />
                </Table.Td>
                <Table.Td>
                  <What entry={entry} />
                </Table.Td>
                <Table.Td>{entry.actorName ?? entry.actorId ?? (entry.source === "journal" ? "CareFlows" : "—")}</Table.Td>
                <Table.Td>
                  {entry.source === "audit" ? <OutcomeBadge outcome={entry.outcome} /> : entry.outcome ?? ""}
                  {entry.purposeOfUse === emergencyPurpose && (
                    <>
                      {" "}
                      <PurposeBadge purpose={entry.purposeOfUse} reason={entry.reason} />
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
