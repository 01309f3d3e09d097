import { useState } from "react";
import { Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { draftKey, useDraft } from "../../auth/drafts";
import { DateTime } from "../../components/DateTime";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePersonLabel } from "./people";
import { SectionTitle } from "./SectionTitle";
import type { TaskHistoryEntry } from "./taskTypes";
import type { TaskCommands } from "./useTaskCommands";

export function TaskComments({ taskId, history, canComment, commands }: { taskId: string; history: TaskHistoryEntry[]; canComment: boolean; commands: TaskCommands }) {
  const { user } = useAuth();
  const [text, setText, clearDraft] = useDraft<string>(draftKey(user?.name ?? "", `comment:${taskId}`), "");
  const [failure, setFailure] = useState<unknown>(null);
  const comments = history.filter((entry) => entry.action === "commented");
  const person = usePersonLabel(comments.map((entry) => entry.actor));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    commands.comment.mutate(text, {
      onSuccess: () => {
        clearDraft();
        setText("");
      },
      onError: setFailure,
    });
  };
  const fieldMessage = failure instanceof ApiError ? failure.fieldErrors().text?.join(" ") : undefined;
  return (
    <Stack gap="xs" component="section" aria-labelledby="comments-title">
      <SectionTitle id="comments-title">
        Comments
      </SectionTitle>
      {comments.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {comments.map((entry) => (
        <Paper key={entry.id} withBorder p="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {person(entry.actor, "System")}
            </Text>
            <Text size="xs" c="dimmed">
              <DateTime value={entry.at} />
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {typeof entry.details?.text === "string" ? entry.details.text : ""}
          </Text>
        </Paper>
      ))}
      {canComment && (
        <Stack gap="xs" component="form" onSubmit={submit} aria-label="Add a comment">
          <Textarea label="Comment" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldMessage} />
          {failure !== null && !fieldMessage && <ErrorAlert error={failure} title="The comment was not added" />}
          <Group>
            <Button type="submit" variant="light" disabled={!text.trim()} loading={commands.comment.isPending}>
              Add comment
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
