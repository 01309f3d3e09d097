import { Alert, Anchor, Button, Group, Paper, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { verifyAuditLog } from "./auditApi";
import { recordPath } from "./AuditTable";

/**
 * Replays the audit chain on the server and says whether it is intact, or which record was first changed, moved or
 * removed. Asked for on demand: it reads the whole log.
 */
export function VerifyPanel() {
  const verify = useMutation({ mutationFn: verifyAuditLog });
  const result = verify.data;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="verify-title">
      <Group justify="space-between" align="center" wrap="wrap">
        <div>
          <Text fw={600} id="verify-title">
            Chain check
          </Text>
          <Text size="xs" c="dimmed">
            Each record holds the hash of the one before it; replaying them shows whether any was altered or removed.
          </Text>
        </div>
        <Button size="xs" variant="outline" leftSection={<IconShieldCheck size={14} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify the audit log
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isError && (
          <Group mt="sm" display="block">
            <ErrorAlert error={verify.error} title="The check could not be run" onRetry={() => verify.mutate()} />
          </Group>
        )}
        {result?.intact && (
          <Alert mt="sm" color="teal.9" variant="light" icon={<IconShieldCheck aria-hidden />} title="Intact" data-testid="verify-result">
            {result.checked} record{result.checked === 1 ? "" : "s"} checked, up to record {result.lastSequence}; none was changed, moved or removed.
          </Alert>
        )}
        {result && !result.intact && (
          <Alert mt="sm" color="red.9" variant="light" icon={<IconShieldX aria-hidden />} title="The audit log is broken" role="alert" data-testid="verify-result">
            {result.brokenAt !== null ? (
              <>
                The first broken record is{" "}
                <Anchor component={Link} to={recordPath(result.brokenAt)}>
                  record {result.brokenAt}
                </Anchor>
                .{" "}
              </>
            ) : null}
            {result.problem ?? "The chain does not replay."} {result.checked} record{result.checked === 1 ? "" : "s"} checked.
          </Alert>
        )}
      </div>
    </Paper>
  );
}
