import { useState } from "react";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { ErrorSummary, type SummaryError } from "../../../components/forms/ErrorSummary";
import { FormRenderer } from "../../../components/forms/FormRenderer";
import { completionErrors } from "../../../components/forms/fieldErrors";
import { readForm, toSubmission, type FormValues } from "../../../components/forms/formDefinition";
import { formatDateTime } from "../../../components/format";
import { completeTestTask, type TestRun, type TestRunTask } from "../api/testRunApi";

interface TestTasksProps {
  run: TestRun;
  tasks: TestRunTask[];
  completed: TestRunTask[];
  title(activityId: string): string;
  busy: boolean;
  onRun(run: TestRun): void;
}

/** The run's open tasks with their forms, completed by choosing an outcome, as a coordinator would. */
export function TestTasks({ run, tasks, completed, title, busy, onRun }: TestTasksProps) {
  return (
    <div>
      <Title order={3} size="h5">
        Tasks
      </Title>
      {tasks.length === 0 && (
        <Text size="sm" c="dimmed">
          No task is open.
        </Text>
      )}
      <Stack gap="sm">
        {tasks.map((task) => (
          <TestTask key={task.id} runId={run.id} task={task} activityTitle={title(task.activityId)} busy={busy} onRun={onRun} />
        ))}
      </Stack>
      {completed.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          Completed: {completed.map((t) => `${t.title ?? title(t.activityId)} (${t.outcome ?? "done"})`).join("; ")}
        </Text>
      )}
    </div>
  );
}

function TestTask({ runId, task, activityTitle, busy, onRun }: { runId: string; task: TestRunTask; activityTitle: string; busy: boolean; onRun(run: TestRun): void }) {
  const form = readForm(task.form);
  const prefix = `test-task-${task.id}`;
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<{ byField: Record<string, string[]>; summary: SummaryError[] }>({ byField: {}, summary: [] });
  const [completing, setCompleting] = useState<string | null>(null);
  const outcomes = task.outcomes.length ? task.outcomes : ["Completed"];

  const complete = async (outcome: string) => {
    setCompleting(outcome);
    try {
      const next = await completeTestTask(runId, task.id, outcome, toSubmission(form, values));
      setErrors({ byField: {}, summary: [] });
      onRun(next);
    } catch (error) {
      setErrors(completionErrors(error, form, prefix));
    } finally {
      setCompleting(null);
    }
  };

  return (
    <Paper withBorder p="sm" component="article" aria-label={`Task: ${task.title ?? activityTitle}`} data-testid={`test-task-${task.activityId}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {task.title ?? activityTitle}
          </Text>
          {task.priority && task.priority !== "routine" && (
            <Badge color="orange" variant="light" c="dark.7">
              {task.priority}
            </Badge>
          )}
        </Group>
        {task.instructions && <Text size="sm">{task.instructions}</Text>}
        <Text size="xs" c="dimmed">
          {task.dueAt ? `Due ${formatDateTime(task.dueAt)}` : "No due time"}
        </Text>
        <ErrorSummary errors={errors.summary} title="The task was not completed" />
        {form.fields.length > 0 && <FormRenderer form={form} values={values} onChange={setValues} errors={errors.byField} idPrefix={prefix} disabled={busy || !!completing} />}
        <Group gap="xs">
          {outcomes.map((outcome) => (
            <Button key={outcome} size="xs" onClick={() => void complete(outcome)} loading={completing === outcome} disabled={busy || (!!completing && completing !== outcome)} data-testid={`test-task-complete-${outcome}`}>
              {outcome}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
