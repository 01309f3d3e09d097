import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { describeError } from "../../api/problem";
import { pendingMe } from "./people";
import { taskCommands, taskKeys } from "./taskApi";
import type { InboxTask, TaskPage } from "./taskTypes";

/** Marks changes to one task, so that the live stream's echo of the user's own change is not taken for someone else's. */
export const taskChangeKey = (id: string) => ["task-change", id] as const;

type Snapshot = [QueryKey, unknown][];

/** Writes a task as it now is into its own query and into every list page that shows it. */
export function putTask(queries: QueryClient, id: string, update: (task: InboxTask) => InboxTask) {
  queries.setQueryData<InboxTask>(taskKeys.detail(id), (task) => (task ? update(task) : task));
  queries.setQueriesData<TaskPage>({ queryKey: taskKeys.lists }, (page) =>
    page ? { ...page, items: page.items.map((task) => (task.id === id ? update(task) : task)) } : page,
  );
}

function snapshot(queries: QueryClient, id: string): Snapshot {
  return [[taskKeys.detail(id), queries.getQueryData(taskKeys.detail(id))], ...queries.getQueriesData({ queryKey: taskKeys.lists })];
}

/** After any change: the answer is the truth for this task; counts, lists and history are read again. */
function useSettled(id: string) {
  const queries = useQueryClient();
  return {
    succeeded: (task: InboxTask) => putTask(queries, id, () => task),
    settled: () => queries.invalidateQueries({ queryKey: taskKeys.all }),
  };
}

/**
 * Claim and unclaim change the page at once and roll back, with the server's reason, when it refuses — most often
 * 409 because someone else claimed the task first.
 */
function useOptimisticChange(id: string, run: () => Promise<InboxTask>, guess: (task: InboxTask) => InboxTask, failure: string) {
  const queries = useQueryClient();
  const { succeeded, settled } = useSettled(id);
  return useMutation({
    mutationKey: taskChangeKey(id),
    mutationFn: run,
    onMutate: async () => {
      await queries.cancelQueries({ queryKey: taskKeys.detail(id) });
      const before = snapshot(queries, id);
      putTask(queries, id, guess);
      return before;
    },
    onError: (error, _variables, before) => {
      before?.forEach(([key, data]) => queries.setQueryData(key, data));
      notifications.show({ color: "red", title: failure, message: describeError(error), autoClose: 8000 });
    },
    onSuccess: succeeded,
    onSettled: settled,
  });
}

/** A change made through a dialog, which shows its own refusal beside what the user typed. */
function useChange<TArgs>(id: string, run: (args: TArgs) => Promise<InboxTask>) {
  const { succeeded, settled } = useSettled(id);
  return useMutation({ mutationKey: taskChangeKey(id), mutationFn: run, onSuccess: succeeded, onSettled: settled });
}

export function useTaskCommands(id: string) {
  return {
    claim: useOptimisticChange(
      id,
      () => taskCommands.claim(id),
      (task) => ({ ...task, owner: task.owner ?? pendingMe, status: "in-progress" }),
      "Could not claim the task",
    ),
    unclaim: useOptimisticChange(id, () => taskCommands.unclaim(id), (task) => ({ ...task, owner: null, status: "ready" }), "Could not unclaim the task"),
    reassign: useChange(id, (to: { user?: string; team?: string }) => taskCommands.reassign(id, to)),
    delegate: useChange(id, (user: string) => taskCommands.delegate(id, user)),
    hold: useChange(id, (reason: string | null) => taskCommands.hold(id, reason)),
    release: useChange(id, () => taskCommands.release(id)),
    comment: useChange(id, (text: string) => taskCommands.comment(id, text)),
    attempt: useChange(id, (attempt: Parameters<typeof taskCommands.attempt>[1]) => taskCommands.attempt(id, attempt)),
    complete: useChange(id, ({ outcome, data }: { outcome: string | null; data: unknown }) => taskCommands.complete(id, outcome, data)),
  };
}
export type TaskCommands = ReturnType<typeof useTaskCommands>;
