import { useRef } from "react";
import { Alert, Center, Divider, Loader, Paper, Stack, Tabs, Text } from "@mantine/core";
import { IconBroadcast } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { ErrorAlert } from "../../components/ErrorAlert";
import { BreakGlassPrompt } from "../access/BreakGlassPrompt";
import { EmergencyAccessBanner } from "../access/EmergencyAccessBanner";
import { AttemptLog } from "./AttemptLog";
import { PatientBanner } from "./PatientBanner";
import { useMyUserId } from "./people";
import { TaskActions } from "./TaskActions";
import { fetchHistory, fetchTask, taskKeys } from "./taskApi";
import { TaskComments } from "./TaskComments";
import { TaskCompletion } from "./TaskCompletion";
import { TaskHeader } from "./TaskHeader";
import { TaskHistory } from "./TaskHistory";
import { taskPermissions } from "./taskPermissions";
import { useLiveTaskNotice } from "./useLiveTaskNotice";
import { useShortcuts } from "./useShortcuts";
import { useTaskCommands } from "./useTaskCommands";
import { SectionLevel, SectionTitle } from "./SectionTitle";

interface TaskViewProps {
  taskId: string;
  /** 1 on the task's own page, 2 beside the list. */
  headingOrder: 1 | 2;
  /** Beside the list, which scrolls on its own, rather than on its own page. */
  inPane?: boolean;
  /** Whether `c` and `e` act on this task. */
  shortcuts?: boolean;
  onCompleted?(): void;
}

/** Moves focus into the form: its first field, or its first outcome button when it has no fields. */
export function focusForm(container: HTMLElement | null) {
  const target = container?.querySelector<HTMLElement>("input:not([disabled]), textarea:not([disabled]), button:not([disabled])");
  target?.focus();
}

/** One task: patient banner, what to do, who holds it, its form, attempts, comments and history. */
export function TaskView({ taskId, headingOrder, inPane = false, shortcuts = true, onCompleted }: TaskViewProps) {
  const { user, can } = useAuth();
  const task = useQuery({ queryKey: taskKeys.detail(taskId), queryFn: () => fetchTask(taskId) });
  const history = useQuery({ queryKey: taskKeys.history(taskId), queryFn: () => fetchHistory(taskId) });
  const me = useMyUserId();
  const commands = useTaskCommands(taskId);
  const notice = useLiveTaskNotice(task.data, me);
  const formRef = useRef<HTMLDivElement>(null);

  const allowed = task.data
    ? taskPermissions(task.data, { can, me, myTeams: user?.teams.map((t) => t.id) ?? [] })
    : null;

  useShortcuts(
    {
      c: () => {
        if (allowed?.claim && !notice?.locks) commands.claim.mutate();
      },
      e: () => focusForm(formRef.current),
    },
    shortcuts && !!task.data,
  );

  if (task.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the task" />
      </Center>
    );
  }
  if (task.isError) {
    // Another team's task: a coordinator may still read it in an emergency, saying why.
    if (can.breakGlass && task.error instanceof ApiError && task.error.status === 403) return <BreakGlassPrompt taskId={taskId} refusal={task.error} headingOrder={headingOrder} />;
    const gone = task.error instanceof ApiError && task.error.status === 404;
    return <ErrorAlert error={task.error} title={gone ? "This task does not exist" : "The task could not be loaded"} onRetry={gone ? undefined : () => void task.refetch()} />;
  }
  const data = task.data;
  const entries = history.data ?? [];
  const lockedReason = notice?.locks ? notice.message : null;

  return (
    <SectionLevel.Provider value={headingOrder === 1 ? 2 : 3}>
      <Stack gap="md" data-testid="task-view" aria-labelledby="task-title" component="article">
        <PatientBanner patient={data.patient} stickyTop={inPane ? 0 : undefined} />
        <EmergencyAccessBanner task={data} />
        {notice && (
          <Alert color={notice.locks ? "red" : "blue"} icon={<IconBroadcast aria-hidden />} title="This task changed" role="alert" data-testid="live-notice">
            {notice.message}
          </Alert>
        )}
        <TaskHeader task={data} headingOrder={headingOrder} />
        {allowed && <TaskActions task={task.data} allowed={allowed} commands={commands} />}
        {data.instructions && (
          <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="instructions-title">
            <SectionTitle id="instructions-title" size="h5">
              Instructions
            </SectionTitle>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {data.instructions}
            </Text>
          </Paper>
        )}
        {allowed && <TaskCompletion key={data.id} task={data} allowed={allowed} commands={commands} lockedReason={lockedReason} formRef={formRef} onCompleted={onCompleted} />}
        <Divider />
        {history.isError && <ErrorAlert error={history.error} title="The task's history could not be loaded" onRetry={() => void history.refetch()} />}
        <Tabs defaultValue="attempts" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="attempts">Attempts ({entries.filter((e) => e.action === "attempted").length})</Tabs.Tab>
            <Tabs.Tab value="comments">Comments ({entries.filter((e) => e.action === "commented").length})</Tabs.Tab>
            <Tabs.Tab value="history">History ({entries.length})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="attempts" pt="sm">
            <AttemptLog taskId={data.id} history={entries} canRecord={!!allowed?.work} commands={commands} />
          </Tabs.Panel>
          <Tabs.Panel value="comments" pt="sm">
            <TaskComments taskId={data.id} history={entries} canComment={!!allowed?.work} commands={commands} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="sm">
            {history.isPending ? <Loader size="sm" aria-label="Loading the history" /> : <TaskHistory history={entries} />}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </SectionLevel.Provider>
  );
}
