import { Button, Center, Group, Loader, MultiSelect, SegmentedControl, Stack, Text, Timeline, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconClock, IconPlayerPlay, IconPointFilled, IconX } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { dayjs, formatRelative, organisationTimeZone } from "../../components/format";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fetchJournalPage, instanceKeys } from "./instanceApi";
import type { JournalEntry } from "./instanceTypes";

const journalPageSize = 50;

function bulletOf(eventName: string) {
  switch (eventName) {
    case "Completed":
      return { icon: <IconCheck size={10} aria-hidden />, color: "teal.9" };
    case "Faulted":
      return { icon: <IconAlertTriangle size={10} aria-hidden />, color: "red.9" };
    case "Cancelled":
      return { icon: <IconX size={10} aria-hidden />, color: "gray.7" };
    case "Suspended":
    case "BookmarkCreated":
      return { icon: <IconClock size={10} aria-hidden />, color: "blue.8" };
    case "Started":
    case "Resumed":
      return { icon: <IconPlayerPlay size={10} aria-hidden />, color: "violet.8" };
    default:
      return { icon: <IconPointFilled size={10} aria-hidden />, color: "gray.7" };
  }
}

export function absoluteTime(value: string) {
  return `${dayjs(value).tz(organisationTimeZone()).format("D MMM YYYY HH:mm:ss")}`;
}

interface JournalTimelineProps {
  instanceId: string;
  relative: boolean;
  onRelativeChange(relative: boolean): void;
  kinds: string[];
  onKindsChange(kinds: string[]): void;
}

/**
 * The instance's journal, oldest first, a page at a time from the server. Times show in the organisation's zone or
 * relative to now; the kind filter narrows the entries already loaded (the server pages the journal, unfiltered).
 */
export function JournalTimeline({ instanceId, relative, onRelativeChange, kinds, onKindsChange }: JournalTimelineProps) {
  const journal = useInfiniteQuery({
    queryKey: instanceKeys.journal(instanceId),
    queryFn: ({ pageParam }) => fetchJournalPage(instanceId, pageParam, journalPageSize),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterSequence ?? undefined,
  });
  const entries: JournalEntry[] = journal.data?.pages.flatMap((page) => page.items) ?? [];
  const eventNames = [...new Set([...entries.map((e) => e.eventName), ...kinds])].sort();
  const shown = kinds.length ? entries.filter((entry) => kinds.includes(entry.eventName)) : entries;

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <MultiSelect label="Event kinds" placeholder={kinds.length ? undefined : "All kinds"} data={eventNames} value={kinds} onChange={onKindsChange} clearable w={320} size="xs" />
        <SegmentedControl
          size="xs"
          aria-label="Time shown as"
          value={relative ? "relative" : "absolute"}
          onChange={(value) => onRelativeChange(value === "relative")}
          data={[
            { value: "absolute", label: `Time (${organisationTimeZone()})` },
            { value: "relative", label: "Time ago" },
          ]}
        />
      </Group>
      {journal.isPending && (
        <Center p="md">
          <Loader aria-label="Loading the journal" />
        </Center>
      )}
      {journal.isError && <ErrorAlert error={journal.error} title="The journal could not be loaded" onRetry={() => void journal.refetch()} />}
      {journal.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {kinds.length ? `${shown.length} of the ${entries.length} entries loaded` : `${entries.length} entries loaded`}
          {journal.hasNextPage ? "; more follow" : ", the whole journal"}
        </Text>
      )}
      <Timeline bulletSize={18} lineWidth={2} data-testid="journal-timeline">
        {shown.map((entry) => {
          const bullet = bulletOf(entry.eventName);
          return (
            <Timeline.Item
              key={entry.sequence}
              bullet={bullet.icon}
              color={bullet.color}
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600} component="span">
                    {entry.activityName ?? entry.activityId}
                  </Text>
                  <Text size="sm" component="span">
                    — {entry.eventName}
                  </Text>
                </Group>
              }
              data-testid="journal-entry"
            >
              <Text size="xs" c="dimmed">
                #{entry.sequence} ·{" "}
                <Tooltip label={relative ? `${absoluteTime(entry.timestamp)} (${organisationTimeZone()})` : formatRelative(entry.timestamp)}>
                  <time dateTime={entry.timestamp}>{relative ? formatRelative(entry.timestamp) : absoluteTime(entry.timestamp)}</time>
                </Tooltip>{" "}
                · {entry.activityType} · <span style={{ fontFamily: "monospace" }}>{entry.activityId}</span>
              </Text>
              {entry.message && (
                <Text size="sm" style={{ wordBreak: "break-word" }}>
                  {entry.message}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {journal.hasNextPage && (
        <Group>
          <Button variant="light" onClick={() => void journal.fetchNextPage()} loading={journal.isFetchingNextPage}>
            Load {journalPageSize} more entries
          </Button>
        </Group>
      )}
    </Stack>
  );
}
