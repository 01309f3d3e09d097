import { useState } from "react";
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { draftKey, useDraft } from "../../auth/drafts";
import { DateTime } from "../../components/DateTime";
import { dayjs, organisationTimeZone } from "../../components/format";
import { ErrorAlert } from "../../components/ErrorAlert";
import { DataTable, type DataColumn } from "../../components/table/DataTable";
import { usePersonLabel } from "./people";
import { attemptChannels, attemptResults, humanize, type TaskHistoryEntry } from "./taskTypes";
import { SectionTitle } from "./SectionTitle";
import type { TaskCommands } from "./useTaskCommands";

interface AttemptDraft {
  at: string;
  channel: string | null;
  result: string | null;
  note: string;
}
const emptyAttempt: AttemptDraft = { at: "", channel: null, result: null, note: "" };

const text = (value: unknown) => (typeof value === "string" ? value : null);

const attemptColumns = (person: ReturnType<typeof usePersonLabel>): DataColumn<TaskHistoryEntry>[] => [
  { key: "when", header: "When", cell: (entry) => <DateTime value={text(entry.details?.at) ?? entry.at} /> },
  { key: "channel", header: "Channel", cell: (entry) => humanize(text(entry.details?.channel) ?? "") },
  { key: "result", header: "Result", cell: (entry) => humanize(text(entry.details?.result) ?? "") },
  { key: "note", header: "Note", style: { whiteSpace: "pre-wrap" }, cell: (entry) => text(entry.details?.note) ?? "" },
  { key: "by", header: "By", cell: (entry) => person(entry.actor, "System") },
];

/** Outreach attempts — when, how, what came of it — which TCM counts (two documented attempts when unreachable). */
export function AttemptLog({ taskId, history, canRecord, commands }: { taskId: string; history: TaskHistoryEntry[]; canRecord: boolean; commands: TaskCommands }) {
  const attempts = history.filter((entry) => entry.action === "attempted");
  const person = usePersonLabel(attempts.map((entry) => entry.actor));
  return (
    <Stack gap="xs" component="section" aria-labelledby="attempts-title">
      <Group justify="space-between">
        <SectionTitle id="attempts-title">
          Contact attempts
        </SectionTitle>
        <Badge variant="outline" color="gray.7">
          {attempts.length} recorded
        </Badge>
      </Group>
      {attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No attempts recorded yet.
        </Text>
      ) : (
        <DataTable columns={attemptColumns(person)} rows={attempts} rowKey={(entry) => entry.id} label="Contact attempts" withTableBorder striped />
      )}
      {canRecord && <AttemptForm taskId={taskId} commands={commands} />}
    </Stack>
  );
}

function AttemptForm({ taskId, commands }: { taskId: string; commands: TaskCommands }) {
  const { user } = useAuth();
  const [draft, setDraft, clearDraft] = useDraft<AttemptDraft>(draftKey(user?.name ?? "", `attempt:${taskId}`), emptyAttempt);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = failure instanceof ApiError ? failure.fieldErrors() : {};
  const set = (patch: Partial<AttemptDraft>) => setDraft({ ...draft, ...patch });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    commands.attempt.mutate(
      {
        at: draft.at ? dayjs.tz(draft.at, organisationTimeZone()).format("YYYY-MM-DDTHH:mm:ssZ") : null,
        channel: draft.channel,
        result: draft.result,
        note: draft.note.trim() || null,
      },
      {
        onSuccess: () => {
          clearDraft();
          setDraft(emptyAttempt);
          notifications.show({ color: "teal.9", title: "Attempt recorded", message: "It is in the task's history." });
        },
        onError: setFailure,
      },
    );
  };
  const fieldFailure = failure instanceof ApiError && failure.status === 422;
  return (
    <Stack gap="xs" component="form" onSubmit={submit} aria-label="Record a contact attempt">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label="Channel"
          required
          data={attemptChannels.map((c) => ({ value: c, label: humanize(c) }))}
          value={draft.channel}
          onChange={(channel) => set({ channel })}
          error={errors.channel?.join(" ")}
        />
        <Select
          label="Result"
          required
          data={attemptResults.map((r) => ({ value: r, label: humanize(r) }))}
          value={draft.result}
          onChange={(result) => set({ result })}
          error={errors.result?.join(" ")}
        />
        <TextInput
          label="When"
          description={`Leave empty for now. Time in ${organisationTimeZone()}.`}
          type="datetime-local"
          value={draft.at}
          onChange={(e) => set({ at: e.currentTarget.value })}
          error={errors.at?.join(" ")}
        />
      </SimpleGrid>
      <Textarea label="Note" description="Optional: who answered, what was agreed." autosize minRows={2} value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note?.join(" ")} />
      {failure !== null && !fieldFailure && <ErrorAlert error={failure} title="The attempt was not recorded" />}
      <Group>
        <Button type="submit" variant="light" loading={commands.attempt.isPending}>
          Record attempt
        </Button>
      </Group>
    </Stack>
  );
}
