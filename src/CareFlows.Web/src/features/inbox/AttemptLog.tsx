import { useState } from "react";
import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { draftKey, useDraft } from "../../auth/drafts";
import { DateTime } from "../../components/DateTime";
import { dayjs, organisationTimeZone } from "../../components/format";
import { ErrorAlert } from "../../components/ErrorAlert";
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
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
              <Table.Th scope="col">By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <DateTime value={text(entry.details?.at) ?? entry.at} />
                </Table.Td>
                <Table.Td>{humanize(text(entry.details?.channel) ?? "")}</Table.Td>
                <Table.Td>{humanize(text(entry.details?.result) ?? "")}</Table.Td>
                <Table.Td style={{ whiteSpace: "pre-wrap" }}>{text(entry.details?.note) ?? ""}</Table.Td>
                <Table.Td>{person(entry.actor, "System")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
