import { useState } from "react";
import { Button, Group, Stack, Text, TextInput, Title, Autocomplete } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { sendTestEvent, type TestRun } from "../api/testRunApi";
import { CodeField } from "../properties/CodeField";

interface TestEventsProps {
  run: TestRun;
  title(activityId: string): string;
  busy: boolean;
  onRun(run: TestRun): void;
}

/** The events the run waits for, and a form to send one (with a correlation key and a JSON payload). */
export function TestEvents({ run, title, busy, onRun }: TestEventsProps) {
  const [eventName, setEventName] = useState("");
  const [correlationKey, setCorrelationKey] = useState("");
  const [payload, setPayload] = useState("");
  const [payloadError, setPayloadError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const waiting = run.events ?? [];

  const send = async () => {
    let parsed: unknown;
    if (payload.trim()) {
      try {
        parsed = JSON.parse(payload);
        setPayloadError(undefined);
      } catch (e) {
        setPayloadError(`The payload is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    setSending(true);
    setError(null);
    try {
      onRun(await sendTestEvent(run.id, eventName.trim(), correlationKey.trim() || undefined, parsed));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <div>
      <Title order={3} size="h5">
        Events
      </Title>
      {waiting.length === 0 ? (
        <Text size="sm" c="dimmed">
          No event is awaited.
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="test-run-events">
          {waiting.map((e) => (
            <li key={e.bookmarkId}>
              <Text size="sm">
                {title(e.activityId)} waits for <strong>{e.eventName}</strong>
                {e.correlationKey ? ` (key ${e.correlationKey})` : ""}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Stack gap={6} mt={6}>
        <Group grow gap="xs" align="flex-start">
          <Autocomplete size="xs" label="Event name" data={[...new Set(waiting.map((e) => e.eventName))]} value={eventName} onChange={setEventName} comboboxProps={{ withinPortal: true }} />
          <TextInput size="xs" label="Correlation key" description="Optional" value={correlationKey} onChange={(e) => setCorrelationKey(e.currentTarget.value)} />
        </Group>
        <Text size="xs" fw={500}>
          Payload (JSON, optional)
        </Text>
        <CodeField id="test-event-payload" label="Event payload (JSON)" language="json" value={payload} onChange={setPayload} error={payloadError} minHeight="48px" />
        {error ? <ErrorAlert error={error} title="The event was not sent" /> : null}
        <Button size="xs" variant="light" disabled={!eventName.trim() || busy} loading={sending} onClick={() => void send()} data-testid="test-run-send-event">
          Send event
        </Button>
      </Stack>
    </div>
  );
}
