import { useMemo, useState, type RefObject } from "react";
import { Alert, Button, Group, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { draftKey, useDraft } from "../../auth/drafts";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ErrorSummary } from "../../components/forms/ErrorSummary";
import { FormRenderer } from "../../components/forms/FormRenderer";
import { completionErrors } from "../../components/forms/fieldErrors";
import { readForm, toSubmission, type FormDefinition, type FormValues } from "../../components/forms/formDefinition";
import { SectionTitle } from "./SectionTitle";
import type { TaskPermissions } from "./taskPermissions";
import { humanize, isOpen, type InboxTask } from "./taskTypes";
import type { TaskCommands } from "./useTaskCommands";

export const taskFieldPrefix = "task-field";

interface TaskCompletionProps {
  task: InboxTask;
  allowed: TaskPermissions;
  commands: TaskCommands;
  /** Set when the live stream says the task changed under the user: the form stops at once. */
  lockedReason?: string | null;
  formRef?: RefObject<HTMLDivElement | null>;
  onCompleted?(): void;
}

/**
 * The task's form and its outcomes. What is typed is kept as a draft in the tab, so an expired session or a refusal
 * loses nothing; the server checks the form and its 422 lands beside each field and in the summary above.
 */
export function TaskCompletion({ task, allowed, commands, lockedReason, formRef, onCompleted }: TaskCompletionProps) {
  const { user, can } = useAuth();
  const form = useMemo(() => readForm(task.form), [task.form]);
  const [values, setValues, clearDraft] = useDraft<FormValues>(draftKey(user?.name ?? "", `task:${task.id}`), {});
  const [failure, setFailure] = useState<unknown>(null);
  const complete = commands.complete;

  if (!isOpen(task.status)) return <CompletedResult task={task} form={form} />;

  const refused = failure instanceof ApiError && failure.status === 422 ? completionErrors(failure, form, taskFieldPrefix) : null;
  const blocked = lockedReason ?? allowed.completeBlocked;
  const disabled = !!blocked || complete.isPending;
  const outcomes = task.outcomes.length > 0 ? task.outcomes : [null];

  const submit = (outcome: string | null) => {
    setFailure(null);
    complete.mutate(
      { outcome, data: toSubmission(form, values) },
      {
        onSuccess: () => {
          clearDraft();
          notifications.show({ color: "teal.9", title: "Task completed", message: task.title });
          onCompleted?.();
        },
        onError: setFailure,
      },
    );
  };

  return (
    <Stack gap="sm" ref={formRef} component="section" aria-labelledby="task-form-title" data-testid="task-form">
      <SectionTitle id="task-form-title">{can.workTasks ? "Complete the task" : "The task's form"}</SectionTitle>
      {blocked && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{blocked}</Text>
        </Alert>
      )}
      {refused && <ErrorSummary errors={refused.summary} />}
      {failure !== null && !refused && <ErrorAlert error={failure} title="The task was not completed" />}
      {form.fields.length > 0 ? (
        <FormRenderer form={form} values={values} onChange={setValues} errors={refused?.byField} disabled={disabled} idPrefix={taskFieldPrefix} />
      ) : (
        <Text size="sm" c="dimmed">
          This task has no form: choose how it ended.
        </Text>
      )}
      {/* Those whose role only reads tasks are shown the form, not buttons they could never use. */}
      {can.workTasks && (
        <Group gap="xs" role="group" aria-label="Complete with an outcome">
          {outcomes.map((outcome) => (
            <Button
              key={outcome ?? "complete"}
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => submit(outcome)}
              disabled={disabled}
              loading={complete.isPending && complete.variables?.outcome === outcome}
              data-testid="complete-button"
              data-outcome={outcome ?? ""}
            >
              {outcome ? `Complete: ${humanize(outcome)}` : "Complete"}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A finished task shows how it ended and what was recorded, read only. */
function CompletedResult({ task, form }: { task: InboxTask; form: FormDefinition }) {
  const result = task.result && typeof task.result === "object" && !Array.isArray(task.result) ? (task.result as Record<string, unknown>) : {};
  const labelled = form.fields.map((field) => ({ key: field.key, label: field.label, value: result[field.key] }));
  const extra = Object.keys(result)
    .filter((key) => !form.fields.some((field) => field.key === key))
    .map((key) => ({ key, label: key, value: result[key] }));
  const rows = [...labelled, ...extra];
  return (
    <Stack gap="xs" component="section" aria-labelledby="task-result-title">
      <SectionTitle id="task-result-title">
        {task.status === "completed" ? `Completed${task.outcome ? `: ${humanize(task.outcome)}` : ""}` : `This task is ${task.status}`}
      </SectionTitle>
      {rows.length > 0 && (
        <Table withTableBorder>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" w="40%">
                  {row.label}
                </Table.Th>
                <Table.Td style={{ whiteSpace: "pre-wrap" }}>{show(row.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
