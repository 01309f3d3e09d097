import { Anchor, Badge, Text } from "@mantine/core";
import { Link } from "react-router";
import { DateTime } from "../../components/DateTime";
import { DataTable, type DataColumn } from "../../components/table/DataTable";
import type { Bookmark } from "./instanceTypes";

const waitingColumns = (activityName: (id: string) => string, canOpenTasks: boolean): DataColumn<Bookmark>[] => [
  {
    key: "kind",
    header: "Waits for",
    cell: (bookmark) => (
      <Badge variant="outline" color={bookmark.kind === "Timer" ? "violet.8" : bookmark.kind === "Task" ? "blue.8" : "gray.7"} size="sm">
        {bookmark.kind}
      </Badge>
    ),
  },
  { key: "activity", header: "Activity", cell: (bookmark) => activityName(bookmark.activityId) },
  {
    key: "details",
    header: "Details",
    cell: (bookmark) => (
      <>
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
      </>
    ),
  },
  { key: "since", header: "Since", nowrap: true, cell: (bookmark) => <DateTime value={bookmark.createdAt} /> },
  { key: "due", header: "Due", nowrap: true, cell: (bookmark) => <DateTime value={bookmark.dueAt} /> },
];

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
    <DataTable columns={waitingColumns(activityName, canOpenTasks)} rows={bookmarks} rowKey={(bookmark) => bookmark.id} label="Open bookmarks and timers" withTableBorder fz="sm" />
  );
}
