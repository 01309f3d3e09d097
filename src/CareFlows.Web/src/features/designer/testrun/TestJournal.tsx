import { useEffect, useRef } from "react";
import { ScrollArea, Table, Text, Title } from "@mantine/core";
import { formatDateTime } from "../../../components/format";
import type { TestRunJournalEntry } from "../api/testRunApi";

/** What happened, in order, on the simulated clock; the newest entry is kept in view. */
export function TestJournal({ journal, title }: { journal: TestRunJournalEntry[]; title(activityId: string): string }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [journal.length]);
  const entries = [...journal].sort((a, b) => a.sequence - b.sequence);
  return (
    <div>
      <Title order={3} size="h5" id="test-journal-title">
        Journal
      </Title>
      <ScrollArea.Autosize mah={280} viewportProps={{ tabIndex: 0, "aria-label": "Test run journal" }}>
        <Table fz="xs" verticalSpacing={2} aria-labelledby="test-journal-title" data-testid="test-run-journal">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Activity</Table.Th>
              <Table.Th>Event</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.sequence}>
                <Table.Td>{e.sequence}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.timestamp)}</Table.Td>
                <Table.Td>{e.activityId ? title(e.activityId) : (e.activityName ?? "Workflow")}</Table.Td>
                <Table.Td>
                  {e.eventName}
                  {e.message ? (
                    <Text size="xs" c="dimmed">
                      {e.message}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div ref={end} />
      </ScrollArea.Autosize>
    </div>
  );
}
