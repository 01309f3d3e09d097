import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { DateTime } from "../../components/DateTime";
import type { Bookmark } from "./instanceTypes";

/** What the instance waits for: tasks, timers, events — its open bookmarks. */
export function WaitingList({ bookmarks, activityName, canOpenTasks }: { bookmarks: Bookmark[]; activityName(id: string): string; canOpenTasks: boolean }) {
  if (bookmarks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The instance waits for nothing.
      </Text>
    );
  }
  return (
    <Table withTableBorder fz="sm" aria-label="Open bookmarks and timers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Waits for</Table.Th>
          <Table.Th scope="col">Activity</Table.Th>
          <Table.Th scope="col">Details</Table.Th>
          <Table.Th scope="col">Since</Table.Th>
          <Table.Th scope="col">Due</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bookmarks.map((bookmark) => (
          <Table.Tr key={bookmark.id}>
            <Table.Td>
              <Badge variant="outline" color={bookmark.kind === "Timer" ? "violet.8" : bookmark.kind === "Task" ? "blue.8" : "gray.7"} size="sm">
                {bookmark.kind}
              </Badge>
            </Table.Td>
            <Table.Td>{activityName(bookmark.activityId)}</Table.Td>
            <Table.Td>
              {bookmark.taskId &&
                (canOpenTasks ? (
                  <Anchor component={Link} to={`/tasks/${encodeURIComponent(bookmark.taskId)}`} size="sm">
                    Task {bookmark.taskId}
                  </Anchor>
                ) : (
                  `Task ${bookmark.taskId}`
                ))}
              {bookmark.eventName && `Event ${bookmark.eventName}${bookmark.correlationKey ? ` for ${bookmark.correlationKey}` : ""}`}
              {!bookmark.taskId && !bookmark.eventName && bookmark.name}
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              <DateTime value={bookmark.createdAt} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              <DateTime value={bookmark.dueAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
