import { useState } from "react";
import { Alert, Badge, Button, Group, Loader, NumberInput, Select, Stack, Text, Title } from "@mantine/core";
import { IconClockPlay, IconPlayerPlay, IconPlayerSkipForward, IconTrash } from "@tabler/icons-react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDateTime, organisationTimeZone } from "../../../components/format";
import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { advanceTestRun, deleteTestRun, startTestRun, toTimeSpan, type TestRun } from "../api/testRunApi";
import { CodeField } from "../properties/CodeField";
import { DateTimeOffsetInput } from "../properties/literalInputs";
import { TestEvents } from "./TestEvents";
import { TestJournal } from "./TestJournal";
import { TestTasks } from "./TestTasks";

export interface ActiveTestRun {
  run: TestRun;
  /** The copy that was started, which the highlighted diagram shows. */
  definition: ElsaDefinition;
}

interface TestRunPanelProps {
  definitionId: string;
  document: ElsaDefinition;
  descriptors: DescriptorMap;
  run: ActiveTestRun | null;
  onRunChange(run: ActiveTestRun | null): void;
}

const statusColors: Record<string, string> = { Running: "blue.8", Finished: "teal.9", Suspended: "blue.8", Faulted: "red.8", Cancelled: "gray.7" };

/**
 * Runs the working copy on a simulated clock: start it with test input, move the clock to the next timer or by a
 * time, complete its tasks with their forms, send it events, and read its journal. The canvas shows the path taken.
 * Nothing here touches real instances.
 */
export function TestRunPanel({ definitionId, document, descriptors, run, onRunChange }: TestRunPanelProps) {
  const [input, setInput] = useState("{\n  \n}");
  const [startAt, setStartAt] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>(1);
  const [unit, setUnit] = useState<"minutes" | "hours" | "days">("days");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [inputError, setInputError] = useState<string | undefined>();

  const title = (activityId: string | null | undefined) => {
    const a = run?.definition.root.activities.find((x) => x.id === activityId);
    return a ? activityTitle(a, descriptors) : (activityId ?? "—");
  };
  const act = async (name: string, action: () => Promise<TestRun>, definition?: ElsaDefinition) => {
    setBusy(name);
    setError(null);
    try {
      const next = await action();
      onRunChange({ run: next, definition: definition ?? run?.definition ?? document });
    } catch (e) {
      setError({ title: `${name} failed`, error: e });
    } finally {
      setBusy(null);
    }
  };

  const start = () => {
    let parsed: unknown = {};
    try {
      parsed = input.trim() ? JSON.parse(input) : {};
      setInputError(undefined);
    } catch (e) {
      setInputError(`The input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const started = document;
    void act("Starting the test run", () => startTestRun(definitionId, started, parsed, startAt ?? undefined), started);
  };

  const end = async () => {
    if (!run) return;
    setBusy("Ending");
    try {
      await deleteTestRun(run.run.id);
    } catch {
      // The run is gone from here either way; the server forgets runs on its own.
    } finally {
      setBusy(null);
      onRunChange(null);
    }
  };

  if (!run) {
    return (
      <Stack gap="sm" component="section" aria-label="Test run" data-testid="test-run-panel">
        <Title order={2} size="h4">
          Test run
        </Title>
        <Text size="sm">Runs your working copy, saved or not, on a simulated clock. It creates no real instances and no real tasks.</Text>
        <div>
          <Text size="sm" fw={500} id="test-input-label">
            Test input (JSON)
          </Text>
          <Text size="xs" c="dimmed">
            The workflow's input, for example what a discharge event would carry.
          </Text>
          <CodeField id="test-input" label="Test input (JSON)" language="json" value={input} onChange={setInput} error={inputError} minHeight="120px" />
        </div>
        <DateTimeOffsetInput id="test-start-at" label="Start the clock at (optional)" description="Now when left empty." value={startAt} onChange={setStartAt} />
        {error && <ErrorAlert error={error.error} title={error.title} />}
        <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={start} loading={busy !== null} data-testid="test-run-start">
          Start
        </Button>
      </Stack>
    );
  }

  const r = run.run;
  const readyTasks = r.tasks.filter((t) => t.status === "ready");
  return (
    <Stack gap="sm" component="section" aria-label="Test run" data-testid="test-run-panel">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Test run
        </Title>
        <Group gap={4}>
          <Badge color={statusColors[r.subStatus] ?? statusColors[r.status] ?? "gray.7"}>{r.subStatus || r.status}</Badge>
          {busy && <Loader size="xs" aria-label={busy} />}
        </Group>
      </Group>
      <Alert color="gray" variant="light" p="xs" data-testid="test-run-clock">
        <Text size="sm">
          <IconClockPlay size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> Simulated now: <strong>{formatDateTime(r.now)}</strong> ({organisationTimeZone()})
        </Text>
        <Text size="xs" c="dimmed">
          Started {formatDateTime(r.startedAt)}
        </Text>
      </Alert>
      {error && <ErrorAlert error={error.error} title={error.title} />}
      <Group gap="xs" align="flex-end">
        <Button size="xs" leftSection={<IconPlayerSkipForward size={14} aria-hidden />} disabled={r.timers.length === 0 || !!busy} onClick={() => void act("Moving to the next timer", () => advanceTestRun(r.id, { next: true }))} data-testid="test-run-next-timer">
          To next timer
        </Button>
        <NumberInput size="xs" w={80} label="Advance by" min={1} value={amount} onChange={setAmount} />
        <Select
          size="xs"
          w={100}
          aria-label="Unit"
          data={[
            { value: "minutes", label: "minutes" },
            { value: "hours", label: "hours" },
            { value: "days", label: "days" },
          ]}
          value={unit}
          allowDeselect={false}
          onChange={(v) => v && setUnit(v as typeof unit)}
          comboboxProps={{ withinPortal: true }}
        />
        <Button size="xs" variant="light" disabled={!Number(amount) || !!busy} onClick={() => void act("Advancing the clock", () => advanceTestRun(r.id, { by: toTimeSpan(Number(amount), unit) }))} data-testid="test-run-advance">
          Advance
        </Button>
      </Group>

      <div>
        <Title order={3} size="h5">
          Timers
        </Title>
        {r.timers.length === 0 ? (
          <Text size="sm" c="dimmed">
            No timer is waiting.
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="test-run-timers">
            {[...r.timers]
              .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
              .map((t) => (
                <li key={t.bookmarkId}>
                  <Text size="sm">
                    {title(t.activityId)}
                    {t.deadline ? ` (${t.deadline === "notStarted" ? "not-started" : "not-completed"} deadline)` : ""}: due {formatDateTime(t.dueAt)}
                  </Text>
                </li>
              ))}
          </ul>
        )}
      </div>

      {r.incidents.length > 0 && (
        <Alert color="red" title="Incidents" role="alert">
          {r.incidents.map((i, index) => (
            <Text key={index} size="sm">
              {title(i.activityId)}: {i.message}
            </Text>
          ))}
        </Alert>
      )}

      <TestTasks run={r} tasks={readyTasks} completed={r.tasks.filter((t) => t.status !== "ready")} title={title} busy={!!busy} onRun={(next) => onRunChange({ run: next, definition: run.definition })} />
      <TestEvents run={r} title={title} busy={!!busy} onRun={(next) => onRunChange({ run: next, definition: run.definition })} />

      {(Object.keys(r.variables ?? {}).length > 0 || Object.keys(r.output ?? {}).length > 0) && (
        <details>
          <summary>
            <Text span size="sm" fw={600}>
              Variables and output
            </Text>
          </summary>
          <pre style={{ fontSize: 12, whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{JSON.stringify({ variables: r.variables, output: r.output }, null, 2)}</pre>
        </details>
      )}

      <TestJournal journal={r.journal} title={title} />

      <Group justify="space-between">
        <Button size="xs" variant="default" onClick={() => void end().then(() => undefined)} leftSection={<IconTrash size={14} aria-hidden />} data-testid="test-run-end">
          End test run
        </Button>
      </Group>
    </Stack>
  );
}
