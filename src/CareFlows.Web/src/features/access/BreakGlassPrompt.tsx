import { useState } from "react";
import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconLock, IconLockOpen } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, describeError } from "../../api/problem";
import { ErrorAlert } from "../../components/ErrorAlert";
import { taskKeys } from "../inbox/taskApi";
import { accessKeys, breakGlassForTask, describeMinutes, fetchBreakGlassTerms, type BreakGlassTerms } from "./accessApi";

interface BreakGlassPromptProps {
  taskId: string;
  /** The server's refusal, which says why the task cannot be read. */
  refusal: ApiError;
  headingOrder: 1 | 2;
}

/**
 * What a coordinator sees when a task belongs to another team: why they cannot read it, and how to read it anyway in
 * an emergency — by stating a reason, which is recorded with every view that follows. How long the access lasts and
 * how long a reason must be are the server's to say, and are said before anyone asks.
 */
export function BreakGlassPrompt({ taskId, refusal, headingOrder }: BreakGlassPromptProps) {
  const terms = useQuery({ queryKey: accessKeys.terms, queryFn: fetchBreakGlassTerms, staleTime: Infinity });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="break-glass-title" data-testid="break-glass">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={20} aria-hidden />
          <Title order={headingOrder} size="h3" id="break-glass-title">
            You cannot see this task
          </Title>
        </Group>
        <Text size="sm">{refusal.problem.detail ?? "The task is neither yours nor your teams'."}</Text>
        {terms.isPending && <Loader size="sm" aria-label="Loading the terms of emergency access" />}
        {terms.isError && <ErrorAlert error={terms.error} title="The terms of emergency access could not be loaded" onRetry={() => void terms.refetch()} />}
        {terms.data && <BreakGlassForm taskId={taskId} terms={terms.data} />}
      </Stack>
    </Paper>
  );
}

function BreakGlassForm({ taskId, terms }: { taskId: string; terms: BreakGlassTerms }) {
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const grant = useMutation({
    mutationFn: () => breakGlassForTask(taskId, reason.trim()),
    // The task now reads through the grant, and says so itself (its `access`).
    onSuccess: () => queries.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const minimum = terms.minimumReasonLength;
  const serverError = grant.error instanceof ApiError ? grant.error.fieldErrors().reason?.join(" ") : undefined;
  const reasonError = tooShort ? `Say why you need this task, in at least ${minimum} characters.` : serverError;
  const otherError = grant.error && !serverError ? describeError(grant.error) : null;

  return (
    <>
      <Alert color="orange.9" variant="light" title="Emergency access (break the glass)">
        If a patient's care needs it now, you can read this patient's tasks outside your teams. Access lasts {describeMinutes(terms.durationMinutes)}. Your
        reason, and every view you make, are recorded in the audit log and reviewed.
      </Alert>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < minimum) {
            setTooShort(true);
            return;
          }
          setTooShort(false);
          grant.mutate();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Why do you need this patient's tasks?"
            description={`At least ${minimum} characters, e.g. "Covering the ward overnight; patient deteriorating, need the discharge plan".`}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            maxLength={terms.maximumReasonLength}
            autosize
            minRows={3}
            required
          />
          {otherError && (
            <Alert color="red" role="alert" title="Access was not granted">
              {otherError}
            </Alert>
          )}
          <Group>
            <Button type="submit" color="orange.9" leftSection={<IconLockOpen size={16} aria-hidden />} loading={grant.isPending}>
              Break the glass and read the task
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
