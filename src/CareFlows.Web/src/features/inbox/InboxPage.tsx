import { useMemo, useState } from "react";
import { Box, Button, Center, Group, Kbd, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconKeyboard } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { ErrorAlert } from "../../components/ErrorAlert";
import { organisationTimeZone } from "../../components/format";
import { PageControls } from "../../components/table/PageControls";
import { activePresetKey, apiQuery, defaultQueue, pageSizes, queuePresets, savedQueryOf, withParam } from "./inboxParams";
import { QueueNav } from "./QueueNav";
import { SavedFilterDialogs, type FilterDialog } from "./SavedFilterDialogs";
import { ShortcutSheet } from "./ShortcutSheet";
import { fetchCounts, fetchTasks, savedFilterKey, savedFilters, taskKeys } from "./taskApi";
import { TaskFilterBar } from "./TaskFilterBar";
import { TaskTable } from "./TaskTable";
import type { InboxTask } from "./taskTypes";
import { TaskView } from "./TaskView";
import { inboxShortcuts, useShortcuts } from "./useShortcuts";

/** The three panes fill the window below the title and scroll each on its own, as a work list that stays in place. */
const panesHeight = "calc(100dvh - var(--app-shell-header-offset, 52px) - 100px)";

/**
 * `/inbox`: saved views on the left, the queue in the middle, the chosen task on the right — Camunda Tasklist's
 * layout, driven from the keyboard as well (j/k, Enter, c, e, ?). Everything that decides what is shown is in the
 * address.
 */
export function InboxPage() {
  const { user, can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [sheet, setSheet] = useState(false);
  const [filterDialog, setFilterDialog] = useState<FilterDialog>(null);

  const fallback = defaultQueue(can.workTasks);
  const query = useMemo(() => apiQuery(params, fallback), [params, fallback]);
  const tasks = useQuery({ queryKey: taskKeys.list(query), queryFn: ({ signal }) => fetchTasks(query, signal), placeholderData: keepPreviousData });
  const counts = useQuery({ queryKey: taskKeys.counts, queryFn: fetchCounts, enabled: can.workTasks });
  const filters = useQuery({ queryKey: savedFilterKey, queryFn: savedFilters.list });

  const items = tasks.data?.items ?? [];
  const selectedId = params.get("task");
  const presets = queuePresets(user?.teams ?? [], can.workTasks);
  const pageCount = tasks.data ? Math.max(1, Math.ceil(tasks.data.total / tasks.data.pageSize)) : 1;

  const update = (next: URLSearchParams, replace = false) => setParams(next, { replace });
  const open = (task: InboxTask, replace = false) => update(withParam(params, "task", task.id), replace);
  const linkTo = (task: InboxTask) => `/inbox?${withParam(params, "task", task.id).toString()}`;
  const move = (step: number) => {
    if (items.length === 0) return;
    const index = items.findIndex((task) => task.id === selectedId);
    const next = index < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + step));
    open(items[next], true);
    document.querySelector(`[data-task-id="${items[next].id}"]`)?.scrollIntoView({ block: "nearest" });
  };

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => selectedId && navigate(`/tasks/${encodeURIComponent(selectedId)}`),
    "?": () => setSheet(true),
  });

  /** After completing, the next task in the list takes the completed one's place beside it. */
  const openNext = () => {
    const index = items.findIndex((task) => task.id === selectedId);
    const next = items[index + 1] ?? items[index - 1];
    update(withParam(params, "task", next && next.id !== selectedId ? next.id : null), true);
  };

  const from = tasks.data && tasks.data.total > 0 ? (tasks.data.page - 1) * tasks.data.pageSize + 1 : 0;
  const to = tasks.data ? from + items.length - (items.length ? 1 : 0) : 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Inbox
        </Title>
        <Button variant="subtle" size="xs" leftSection={<IconKeyboard size={16} aria-hidden />} onClick={() => setSheet(true)}>
          Keyboard shortcuts <Kbd ml={6}>?</Kbd>
        </Button>
      </Group>
      <Box style={{ display: "grid", gridTemplateColumns: "190px minmax(0, 1.25fr) minmax(400px, 1fr)", gap: "var(--mantine-spacing-md)", height: panesHeight, minHeight: 480 }}>
        <Box style={{ overflow: "auto", minHeight: 0 }}>
          <QueueNav
            presets={presets}
            activeKey={activePresetKey(params, fallback)}
            activeFilterId={params.get("filter")}
            params={params}
            counts={counts.data}
            filters={filters.data}
            filtersLoading={filters.isPending}
            onRename={(filter) => setFilterDialog({ mode: "rename", filter })}
            onDelete={(filter) => setFilterDialog({ mode: "delete", filter })}
          />
        </Box>
        <Stack gap="xs" component="section" aria-label="Task list" style={{ minWidth: 0, minHeight: 0 }}>
          <TaskFilterBar params={params} onChange={(next) => update(next)} onSave={() => setFilterDialog({ mode: "create", query: savedQueryOf(params, fallback) })} />
          {tasks.isError && <ErrorAlert error={tasks.error} title="The tasks could not be loaded" onRetry={() => void tasks.refetch()} />}
          <Paper withBorder style={{ flex: 1, minHeight: 0, overflow: "auto" }} pos="relative" aria-busy={tasks.isFetching}>
            {tasks.isPending ? (
              <Center p="xl">
                <Loader aria-label="Loading tasks" />
              </Center>
            ) : items.length === 0 ? (
              <Stack p="lg" gap="xs" align="flex-start">
                <Text fw={600}>No tasks here.</Text>
                <Text size="sm" c="dimmed">
                  {query.queue === "mine" ? "You hold no open tasks. Claim one from your teams' queues." : "Nothing matches this view. Try clearing the filters."}
                </Text>
                {query.queue === "mine" && presets.personal.some((p) => p.key === "unassigned") && (
                  <Button size="xs" variant="light" onClick={() => update(new URLSearchParams({ queue: "team" }))}>
                    Show unassigned tasks
                  </Button>
                )}
              </Stack>
            ) : (
              <TaskTable tasks={items} selectedId={selectedId} sort={query.sort === "priority" ? "priority" : "due"} linkTo={linkTo} onOpen={(task) => open(task)} />
            )}
          </Paper>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {tasks.data ? (tasks.data.total === 0 ? "No tasks" : `${from}–${to} of ${tasks.data.total}`) : ""}
              {` · times in ${organisationTimeZone()}`}
              {tasks.isFetching && !tasks.isPending ? " · updating…" : ""}
            </Text>
            <PageControls
              noun="tasks"
              page={Number(query.page ?? 1)}
              pageCount={pageCount}
              onPageChange={(page) => update(withParam(params, "page", page === 1 ? null : String(page)))}
              pageSize={query.pageSize}
              pageSizes={pageSizes}
              onPageSizeChange={(size) => update(withParam(params, "pageSize", size))}
            />
          </Group>
        </Stack>
        <Box component="section" aria-label="Selected task" style={{ overflow: "auto", minWidth: 0, minHeight: 0 }} px={4}>
          {selectedId ? (
            <TaskView key={selectedId} taskId={selectedId} headingOrder={2} inPane onCompleted={openNext} />
          ) : (
            <Paper withBorder p="lg" bg="gray.0">
              <Text fw={600}>Choose a task to see it here.</Text>
              <Text size="sm" c="dimmed">
                Click a task, or press <Kbd>j</Kbd> and <Kbd>k</Kbd> to move through the list; <Kbd>Enter</Kbd> opens it on its own page.
              </Text>
            </Paper>
          )}
        </Box>
      </Box>
      <ShortcutSheet opened={sheet} onClose={() => setSheet(false)} shortcuts={inboxShortcuts} />
      <SavedFilterDialogs
        dialog={filterDialog}
        onClose={() => setFilterDialog(null)}
        onSaved={(filter) => {
          const next = new URLSearchParams(params);
          next.set("filter", filter.id);
          update(next, true);
        }}
        onDeleted={(filter) => {
          if (params.get("filter") === filter.id) {
            const next = new URLSearchParams(params);
            next.delete("filter");
            update(next, true);
          }
        }}
      />
    </Stack>
  );
}
