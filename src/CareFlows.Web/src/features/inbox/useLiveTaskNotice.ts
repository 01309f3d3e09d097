import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useLiveEvents } from "../../live/LiveUpdates";
import { isMe } from "./people";
import { taskKeys } from "./taskApi";
import type { InboxTask } from "./taskTypes";
import { taskChangeKey } from "./useTaskCommands";

export interface LiveNotice {
  message: string;
  /** True when the user can no longer complete the task from this page. */
  locks: boolean;
}

/**
 * Says at once when someone else changes the open task — claims it, completes it, hands it back — and stops the
 * form when it can no longer be sent. The user's own changes echo back on the stream too; those are recognised by
 * the change still in flight, or by the task already reading as the event says.
 */
export function useLiveTaskNotice(task: InboxTask | undefined, me: string | null): LiveNotice | null {
  const queries = useQueryClient();
  const [notice, setNotice] = useState<{ taskId: string; notice: LiveNotice } | null>(null);

  useLiveEvents((event) => {
    if (!task || event.kind !== "task" || event.data?.taskId !== task.id) return;
    if (queries.isMutating({ mutationKey: taskChangeKey(task.id) }) > 0) return;
    const status = typeof event.data.status === "string" ? event.data.status : null;
    const owner = typeof event.data.owner === "string" ? event.data.owner : null;
    const known = queries.getQueryData<InboxTask>(taskKeys.detail(task.id)) ?? task;
    if (known.status === status && known.owner === owner) return;

    let next: LiveNotice;
    if (status === "completed") {
      next = isMe(owner, me)
        ? { message: "You completed this task in another window.", locks: true }
        : { message: "Someone else completed this task while you had it open. Nothing more can be sent from this page.", locks: true };
    } else if (status === "cancelled" || status === "failed") {
      next = { message: `This task was ${status}: its pathway moved on without it.`, locks: true };
    } else if (owner && !isMe(owner, me)) {
      next = { message: "Someone else claimed this task. Only they can complete it now.", locks: true };
    } else if (!owner && known.owner && isMe(known.owner, me)) {
      next = { message: "This task was taken back into its team queue by someone else.", locks: false };
    } else if (status === "on-hold") {
      next = { message: "Someone put this task on hold.", locks: true };
    } else {
      next = { message: "Someone else changed this task; it now shows as it stands.", locks: false };
    }
    setNotice({ taskId: task.id, notice: next });
    void queries.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
    void queries.invalidateQueries({ queryKey: taskKeys.history(task.id) });
  });

  return notice && task && notice.taskId === task.id ? notice.notice : null;
}
