import { Alert, Text } from "@mantine/core";
import { IconAlertOctagon } from "@tabler/icons-react";
import { DateTime } from "../../components/DateTime";
import type { InboxTask } from "../inbox/taskTypes";

/**
 * Stays above a task read through break-the-glass access, so that the reader never forgets that they are outside
 * their teams' work and that every view is recorded. The server says when a task is read that way (its `access`).
 */
export function EmergencyAccessBanner({ task }: { task: InboxTask }) {
  const access = task.access;
  if (!access?.throughGrant) return null;
  return (
    <Alert color="orange.9" variant="filled" icon={<IconAlertOctagon aria-hidden />} title="Emergency access" data-testid="emergency-banner" role="status">
      You are reading this patient's tasks outside your teams through break-the-glass access: every view is recorded and reviewed. The access ends at{" "}
      <DateTime value={access.grantExpiresAt} />.
      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
        Your reason: {access.reason}
      </Text>
    </Alert>
  );
}
