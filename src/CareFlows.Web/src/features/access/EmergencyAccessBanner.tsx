import { Alert } from "@mantine/core";
import { IconAlertOctagon } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useAuth } from "../../auth/AuthContext";
import { DateTime } from "../../components/DateTime";
import { isMe, useMyUserId } from "../inbox/people";
import type { InboxTask } from "../inbox/taskTypes";
import { accessKeys, fetchGrants } from "./accessApi";

/** The running grant through which the user reads `task`, if they read it through one rather than as theirs or their team's. */
export function useEmergencyGrant(task: InboxTask | undefined) {
  const { user, can } = useAuth();
  const me = useMyUserId();
  const patient = task?.patient?.id ?? null;
  const ownWork = !!task && (isMe(task.owner, me) || task.teams.some((team) => user?.teams.some((t) => t.id === team)));
  const grants = useQuery({ queryKey: accessKeys.grants, queryFn: fetchGrants, enabled: can.breakGlass && !!patient && !ownWork });
  if (!patient || ownWork) return null;
  return grants.data?.find((grant) => grant.patient === patient) ?? null;
}

/**
 * Stays above a task read through break-the-glass access, so that the reader never forgets that they are outside
 * their teams' work and that every view is recorded.
 */
export function EmergencyAccessBanner({ task }: { task: InboxTask }) {
  const grant = useEmergencyGrant(task);
  if (!grant) return null;
  return (
    <Alert color="orange.9" variant="filled" icon={<IconAlertOctagon aria-hidden />} title="Emergency access" data-testid="emergency-banner" role="status">
      You are reading this patient's tasks outside your teams through break-the-glass access: every view is recorded and reviewed. The access ends at{" "}
      <DateTime value={grant.expiresAt} />.
    </Alert>
  );
}
