import { useMemo, useState } from "react";
import { Anchor, Badge, Button, Center, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconBan, IconTimeline } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { DateTime } from "../../components/DateTime";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useLiveEvents } from "../../live/LiveUpdates";
import { Fact } from "../inbox/Fact";
import { PatientBanner } from "../inbox/PatientBanner";
import { usePathwayChoices } from "../inbox/pathwayChoices";
import { fetchTask, taskKeys } from "../inbox/taskApi";
import { activityStatus } from "./activityStatus";
import { CancelInstanceDialog } from "./CancelInstanceDialog";
import { DiagramRegion } from "./DiagramRegion";
import { IncidentsList } from "./IncidentsList";
import { fetchFullJournal, fetchInstance, instanceKeys } from "./instanceApi";
import { findPatient, taskIdsOf } from "./instanceReading";
import { IncidentBadge, InstanceStatusBadge } from "./InstanceStatusBadge";
import { InstanceTasks } from "./InstanceTasks";
import { JournalTimeline } from "./JournalTimeline";
import { VariablesView } from "./VariablesView";
import { WaitingList } from "./WaitingList";

/**
 * `/instances/:instanceId`: one pathway instance for an auditor — where it stands, its journal, variables, what it
 * waits for, its tasks and incidents, and the diagram's region. The tab, the journal's filter and its time format
 * are in the address.
 */
export function InstancePage() {
  const { instanceId = "" } = useParams();
  const { can } = useAuth();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [cancelling, setCancelling] = useState(false);
  const pathways = usePathwayChoices();
  const instance = useQuery({ queryKey: instanceKeys.detail(instanceId), queryFn: () => fetchInstance(instanceId) });
  const journal = useQuery({ queryKey: instanceKeys.fullJournal(instanceId), queryFn: () => fetchFullJournal(instanceId) });
  const data = instance.data;
  const entries = useMemo(() => journal.data?.entries ?? [], [journal.data]);
  const taskIds = useMemo(() => (data ? taskIdsOf(entries, data.bookmarks) : []), [entries, data]);
  const firstTask = useQuery({ queryKey: taskKeys.detail(taskIds[0] ?? ""), queryFn: () => fetchTask(taskIds[0]), enabled: can.readInbox && taskIds.length > 0 && !!data && !findPatient(data.variables) });

  // The stream tells of the instance's tasks changing, which is when the instance moves on.
  useLiveEvents((event) => {
    if (event.kind === "task" && typeof event.data?.taskId === "string" && taskIds.includes(event.data.taskId)) {
      void queries.invalidateQueries({ queryKey: instanceKeys.detail(instanceId) });
      void queries.invalidateQueries({ queryKey: instanceKeys.journal(instanceId) });
      void queries.invalidateQueries({ queryKey: instanceKeys.fullJournal(instanceId) });
    }
  });

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const entry of entries) if (entry.activityName && !map.has(entry.activityId)) map.set(entry.activityId, entry.activityName);
    return map;
  }, [entries]);
  const activityName = (id: string) => names.get(id) ?? id;
  const status = useMemo(() => (data ? activityStatus({ journal: entries, bookmarks: data.bookmarks, incidents: data.incidents }) : {}), [entries, data]);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  if (instance.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the instance" />
      </Center>
    );
  }
  if (instance.isError) {
    const gone = instance.error instanceof ApiError && instance.error.status === 404;
    return <ErrorAlert error={instance.error} title={gone ? "This instance does not exist" : "The instance could not be loaded"} onRetry={gone ? undefined : () => void instance.refetch()} />;
  }
  if (!data) return null;

  const patient = findPatient(data.variables) ?? firstTask.data?.patient ?? null;
  const running = data.status === "Running";
  const tab = params.get("tab") ?? "journal";
  const kinds = params.get("events")?.split(",").filter(Boolean) ?? [];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/instances" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          All instances
        </Group>
      </Anchor>
      {patient && <PatientBanner patient={patient} />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <InstanceStatusBadge status={data.status} subStatus={data.subStatus} />
            <IncidentBadge count={data.incidents.length} />
          </Group>
          <Title order={1} size="h2">
            {data.name ?? data.id}
          </Title>
          <Text size="sm">
            {pathways.nameOf(data.definitionId)} <Badge variant="outline" color="gray.7" size="sm">version {data.version}</Badge>
          </Text>
        </Stack>
        <Group gap="xs">
          {can.readAudit && (
            <Button component={Link} to={`/audit/instances/${encodeURIComponent(data.id)}`} variant="default" leftSection={<IconTimeline size={16} aria-hidden />}>
              Audit timeline
            </Button>
          )}
          {can.cancelInstances && running && (
            <Button color="red.9" variant="outline" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setCancelling(true)}>
              Cancel instance…
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Fact label="Instance id">
          <Text size="sm" ff="monospace" component="span">
            {data.id}
          </Text>
        </Fact>
        <Fact label="Correlation id">{data.correlationId ?? "—"}</Fact>
        <Fact label="Started">
          <DateTime value={data.createdAt} />
        </Fact>
        <Fact label="Updated">
          <DateTime value={data.updatedAt} />
        </Fact>
        <Fact label="Finished">
          <DateTime value={data.finishedAt} />
        </Fact>
      </SimpleGrid>

      <DiagramRegion definitionId={data.definitionId} version={data.version} status={status} activityName={activityName} complete={journal.data?.complete ?? true} loading={journal.isPending} />
      {journal.isError && <ErrorAlert error={journal.error} title="The journal could not be read for the diagram and task list" onRetry={() => void journal.refetch()} />}

      <Tabs value={tab} onChange={(value) => setParam("tab", value === "journal" ? null : value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="journal">Journal</Tabs.Tab>
          <Tabs.Tab value="variables">Variables</Tabs.Tab>
          <Tabs.Tab value="waiting">Waiting for ({data.bookmarks.length})</Tabs.Tab>
          <Tabs.Tab value="tasks">Tasks ({taskIds.length})</Tabs.Tab>
          <Tabs.Tab value="incidents" color={data.incidents.length ? "red.9" : undefined}>
            Incidents ({data.incidents.length})
          </Tabs.Tab>
          {data.log.length > 0 && <Tabs.Tab value="log">Log ({data.log.length})</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="journal" pt="md">
          <JournalTimeline
            instanceId={data.id}
            relative={params.get("time") === "relative"}
            onRelativeChange={(relative) => setParam("time", relative ? "relative" : null)}
            kinds={kinds}
            onKindsChange={(next) => setParam("events", next.join(","))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="variables" pt="md">
          <Stack gap="lg">
            {(
              [
                ["Variables", data.variables],
                ["Input", data.input],
                ["Output", data.output],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <Title order={2} size="h5" mb="xs">
                  {label}
                </Title>
                <VariablesView value={value} label={label} />
              </div>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="waiting" pt="md">
          <WaitingList bookmarks={data.bookmarks} activityName={activityName} canOpenTasks={can.readInbox} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          {can.readInbox ? <InstanceTasks taskIds={taskIds} /> : <Text size="sm">Your role does not read tasks.</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="incidents" pt="md">
          <IncidentsList incidents={data.incidents} activityName={activityName} />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <Stack gap={2} component="ol" style={{ fontFamily: "monospace", fontSize: 13 }}>
            {data.log.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <CancelInstanceDialog instanceId={data.id} name={data.name ?? data.id} opened={cancelling} onClose={() => setCancelling(false)} />
    </Stack>
  );
}
