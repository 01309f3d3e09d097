import { Alert, Button, Group } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { describeError } from "../api/problem";

/** A failure in plain words, with a way to try again when there is one. */
export function ErrorAlert({ error, title = "Something went wrong", onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Group justify="space-between" align="center">
        <span>{describeError(error)}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red.9" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
