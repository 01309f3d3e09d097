import { useEffect, useMemo, useState } from "react";
import { Anchor, Button, Center, Group, Loader, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { formatDateTime, organisationTimeZone } from "../../components/format";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePathwayChoices } from "../inbox/pathwayChoices";
import { fetchInstances, instanceKeys } from "./instanceApi";
import { defaultInstancePageSize, defaultInstanceSort, describeInstanceSort, instanceApiQuery, instanceFilterNames, withInstanceParam } from "./instanceParams";
import { IncidentBadge, InstanceStatusBadge } from "./InstanceStatusBadge";
import { workflowStatuses, workflowSubStatuses } from "./instanceTypes";
import { AddressSortHeader } from "../../components/table/SortableHeader";

/**
 * `/instances`: every pathway instance, newest first unless a column header asks for another order, filtered by
 * pathway, status, correlation id and creation dates, a page at a time — all in the address.
 */
export function InstancesPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => instanceApiQuery(params), [params]);
  const list = useQuery({ queryKey: instanceKeys.list(query), queryFn: ({ signal }) => fetchInstances(query, signal), placeholderData: keepPreviousData });
  const pathways = usePathwayChoices();
  const set = (name: string, value: string | null) => setParams(withInstanceParam(params, name, value));
  const correlationInAddress = params.get("correlationId") ?? "";
  const [correlation, setCorrelation] = useState(correlationInAddress);
  useEffect(() => setCorrelation(correlationInAddress), [correlationInAddress]);

  const items = list.data?.items ?? [];
  const pageCount = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const narrowed = instanceFilterNames.some((name) => params.has(name));
  const sort = params.get("sort") ?? defaultInstanceSort;
  const sorting = { sort, onSort: (next: string) => set("sort", next === defaultInstanceSort ? null : next) };

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Instances
      </Title>
      <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filter instances">
        <TextInput
          label="Correlation id"
          description="Exact: an MRN, referral or request number"
          placeholder="e.g. MRN-40101"
          value={correlation}
          onChange={(e) => setCorrelation(e.currentTarget.value)}
          onBlur={() => correlation.trim() !== correlationInAddress && set("correlationId", correlation.trim())}
          onKeyDown={(e) => {
            if (e.key === "Enter") set("correlationId", correlation.trim());
          }}
          w={220}
          size="xs"
        />
        <Select
          label="Pathway"
          placeholder="Any pathway"
          data={pathways.options}
          value={params.get("definitionId")}
          onChange={(value) => set("definitionId", value)}
          clearable
          searchable
          w={220}
          size="xs"
        />
        <TextInput
          key={`patient-${params.get("patient") ?? ""}`}
          label="Patient"
          description="MRN or patient id"
          placeholder="e.g. MRN-40101"
          defaultValue={params.get("patient") ?? ""}
          onBlur={(e) => e.currentTarget.value.trim() !== (params.get("patient") ?? "") && set("patient", e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === "Enter") set("patient", e.currentTarget.value.trim());
          }}
          w={170}
          size="xs"
        />
        <Select
          label="Incidents"
          placeholder="Any"
          data={[
            { value: "true", label: "Has incidents" },
            { value: "false", label: "No incidents" },
          ]}
          value={params.get("hasIncidents")}
          onChange={(value) => set("hasIncidents", value)}
          clearable
          w={150}
          size="xs"
        />
        <Select label="Status" placeholder="Any" data={[...workflowStatuses]} value={params.get("status")} onChange={(value) => set("status", value)} clearable w={120} size="xs" />
        <Select
          label="Sub-status"
          placeholder="Any"
          data={workflowSubStatuses.map((s) => ({ value: s, label: s === "Suspended" ? "Suspended (waiting)" : s }))}
          value={params.get("subStatus")}
          onChange={(value) => set("subStatus", value)}
          clearable
          w={170}
          size="xs"
        />
        <TextInput label="Created from" type="date" value={params.get("createdFrom") ?? ""} onChange={(e) => set("createdFrom", e.currentTarget.value)} w={140} size="xs" title={`Days in ${organisationTimeZone()}`} />
        <TextInput label="Created to" type="date" value={params.get("createdTo") ?? ""} onChange={(e) => set("createdTo", e.currentTarget.value)} w={140} size="xs" title={`Included; days in ${organisationTimeZone()}`} />
        {narrowed && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => {
              const next = new URLSearchParams(params);
              for (const name of instanceFilterNames) next.delete(name);
              next.delete("page");
              setParams(next);
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {list.isError && <ErrorAlert error={list.error} title="The instances could not be loaded" onRetry={() => void list.refetch()} />}
      <Paper withBorder aria-busy={list.isFetching}>
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading instances" />
          </Center>
        ) : items.length === 0 ? (
          <Text p="lg" c="dimmed">
            No instances match these filters.
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Instances" data-testid="instance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Instance</Table.Th>
                <AddressSortHeader column="definition" first="ascending" {...sorting}>
                  Pathway
                </AddressSortHeader>
                <Table.Th scope="col">Correlation id</Table.Th>
                <AddressSortHeader column="status" first="ascending" {...sorting}>
                  Status
                </AddressSortHeader>
                <AddressSortHeader column="created" first="descending" {...sorting}>
                  Created
                </AddressSortHeader>
                <AddressSortHeader column="updated" first="descending" {...sorting}>
                  Updated
                </AddressSortHeader>
                <Table.Th scope="col">Finished</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((instance) => (
                <Table.Tr key={instance.id} data-testid="instance-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/instances/${encodeURIComponent(instance.id)}`} fw={600} size="sm" data-testid="instance-link">
                      {instance.name ?? instance.id}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {instance.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {pathways.nameOf(instance.definitionId)} <Text span size="xs" c="dimmed">v{instance.version}</Text>
                  </Table.Td>
                  <Table.Td>{instance.correlationId ?? "—"}</Table.Td>
                  <Table.Td style={{ minWidth: 110 }}>
                    <Group gap={4}>
                      <InstanceStatusBadge status={instance.status} subStatus={instance.subStatus} />
                      <IncidentBadge count={instance.incidents} />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(instance.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(instance.updatedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(instance.finishedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data ? `${list.data.total} instance${list.data.total === 1 ? "" : "s"}, ${describeInstanceSort(sort)} · times in ${organisationTimeZone()}` : ""}
        </Text>
        <Group gap="xs">
          <Pagination
            total={pageCount}
            value={Number(params.get("page") ?? 1)}
            onChange={(page) => set("page", page === 1 ? null : String(page))}
            size="sm"
            getControlProps={(control) => ({ "aria-label": `${control} page` })}
          />
          <Select
            aria-label="Instances per page"
            data={["10", "25", "50", "100"].map((size) => ({ value: size, label: `${size} per page` }))}
            value={params.get("pageSize") ?? defaultInstancePageSize}
            onChange={(size) => set("pageSize", size)}
            allowDeselect={false}
            size="xs"
            w={120}
          />
        </Group>
      </Group>
    </Stack>
  );
}
