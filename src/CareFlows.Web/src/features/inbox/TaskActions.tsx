import { useState } from "react";
import { Button, Group } from "@mantine/core";
import { IconArrowBackUp, IconHandGrab, IconPlayerPause, IconPlayerPlay, IconShare, IconUserShare } from "@tabler/icons-react";
import { HoldDialog, PassOnDialog } from "./TaskDialogs";
import type { TaskPermissions } from "./taskPermissions";
import type { InboxTask } from "./taskTypes";
import type { TaskCommands } from "./useTaskCommands";

/** The changes the user may make to who holds the task; only those the server would accept are offered. */
export function TaskActions({ task, allowed, commands }: { task: InboxTask; allowed: TaskPermissions; commands: TaskCommands }) {
  const [dialog, setDialog] = useState<"reassign" | "delegate" | "hold" | null>(null);
  const any = allowed.claim || allowed.unclaim || allowed.reassign || allowed.delegate || allowed.hold || allowed.release;
  if (!any) return null;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label="Task actions">
        {allowed.claim && (
          <Button size="sm" leftSection={<IconHandGrab size={16} aria-hidden />} onClick={() => commands.claim.mutate()} loading={commands.claim.isPending} data-testid="claim-button">
            Claim
          </Button>
        )}
        {allowed.unclaim && (
          <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => commands.unclaim.mutate()} loading={commands.unclaim.isPending} data-testid="unclaim-button">
            Unclaim
          </Button>
        )}
        {allowed.reassign && (
          <Button size="sm" variant="default" leftSection={<IconShare size={16} aria-hidden />} onClick={() => setDialog("reassign")}>
            Reassign…
          </Button>
        )}
        {allowed.delegate && (
          <Button size="sm" variant="default" leftSection={<IconUserShare size={16} aria-hidden />} onClick={() => setDialog("delegate")}>
            Delegate…
          </Button>
        )}
        {allowed.hold && (
          <Button size="sm" variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => setDialog("hold")}>
            Put on hold…
          </Button>
        )}
        {allowed.release && (
          <Button size="sm" variant="default" leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => commands.release.mutate()} loading={commands.release.isPending}>
            Release hold
          </Button>
        )}
      </Group>
      <PassOnDialog task={task} mode="reassign" opened={dialog === "reassign"} onClose={() => setDialog(null)} commands={commands} />
      <PassOnDialog task={task} mode="delegate" opened={dialog === "delegate"} onClose={() => setDialog(null)} commands={commands} />
      <HoldDialog opened={dialog === "hold"} onClose={() => setDialog(null)} commands={commands} />
    </>
  );
}
