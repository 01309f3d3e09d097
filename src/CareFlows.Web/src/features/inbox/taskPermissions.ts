import type { Abilities } from "../../auth/roles";
import { isMe } from "./people";
import { isOpen, type InboxTask } from "./taskTypes";

export interface TaskPermissions {
  /** Work it at all: comment, log attempts, pass it on (TaskAccess.CanWork on an open task). */
  work: boolean;
  claim: boolean;
  unclaim: boolean;
  reassign: boolean;
  delegate: boolean;
  hold: boolean;
  release: boolean;
  complete: boolean;
  /** Why the form cannot be sent, when it cannot. */
  completeBlocked: string | null;
}

/**
 * What the signed-in user may do to a task, by the server's own rules (TaskAccess, the task works in
 * Runtime/Work/Tasks), so that no button is shown that the server would refuse.
 */
export function taskPermissions(task: InboxTask, context: { can: Abilities; me: string | null; myTeams: string[] }): TaskPermissions {
  const { can, me, myTeams } = context;
  const open = isOpen(task.status);
  const mine = isMe(task.owner, me);
  const admin = can.administer;
  const work = open && can.workTasks && (admin || mine || task.teams.some((team) => myTeams.includes(team)));
  const heldByOther = !!task.owner && !mine;
  const onHold = task.status === "on-hold";

  let completeBlocked: string | null = null;
  if (!open) completeBlocked = `This task is ${task.status}; it can no longer be completed.`;
  else if (!can.workTasks) completeBlocked = "Your role may read tasks but not work them.";
  else if (!work) completeBlocked = "This task is neither yours nor your teams'.";
  else if (onHold) completeBlocked = "This task is on hold. Release it to complete it.";
  else if (heldByOther && !admin) completeBlocked = "Someone else holds this task; only they can complete it.";

  return {
    work,
    claim: work && !onHold && task.status === "ready" && (!task.owner || mine),
    unclaim: work && !!task.owner && (mine || admin) && task.teams.length > 0,
    reassign: work,
    delegate: work && mine,
    hold: work && !onHold,
    release: work && onHold,
    complete: completeBlocked === null,
    completeBlocked,
  };
}
