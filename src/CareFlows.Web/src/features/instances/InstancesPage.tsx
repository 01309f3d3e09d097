import { useMemo } from "react";
import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { formatDateTime, organisationTimeZone } from "../../components/format";
import { usePathwayChoices } from "../inbox/pathwayChoices";
import { fetchInstances, instanceKeys } from "./instanceApi";
import { defaultInstancePageSize, defaultInstanceSort, describeInstanceSort, instanceApiQuery, instanceFilterNames, withInstanceParam } from "./instanceParams";
import { IncidentBadge, InstanceStatusBadge } from "./InstanceStatusBadge";
import { workflowStatuses, workflowSubStatuses } from "./instanceTypes";
import { ClearFiltersButton, FilterDateInput, FilterSelect, FilterTextInput } from "../../components/filters/FilterControls";
import { ListResults } from "../../components/table/ListResults";
import { PageControls } from "../../components/table/PageControls";
import { AddressSortHeader } from "../../components/table/SortableHeader";

const instancePageSizes = ["10", "25", "50", "100"];
const incidentChoices = [
  { value: "true", label: "Has incidents" },
  { value: "false", label: "No incidents" },
];
const subStatusChoices = workflowSubStatuses.map((s) => ({ value: s, label: s === "Suspended" ? "Suspended (waiting)" : s }));

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
        <FilterTextInput
          label="Correlation id"
          description="Exact: an MRN, referral or request number"
          placeholder="e.g. MRN-40101"
          value={params.get("correlationId") ?? ""}
          onCommit={(value) => set("correlationId", value)}
          w={220}
        />
        <FilterSelect label="Pathway" placeholder="Any pathway" data={pathways.options} value={params.get("definitionId")} onChange={(value) => set("definitionId", value)} searchable w={220} />
        <FilterTextInput label="Patient" description="MRN or patient id" placeholder="e.g. MRN-40101" value={params.get("patient") ?? ""} onCommit={(value) => set("patient", value)} w={170} />
        <FilterSelect label="Incidents" placeholder="Any" data={incidentChoices} value={params.get("hasIncidents")} onChange={(value) => set("hasIncidents", value)} w={150} />
        <FilterSelect label="Status" placeholder="Any" data={[...workflowStatuses]} value={params.get("status")} onChange={(value) => set("status", value)} w={120} />
        <FilterSelect label="Sub-status" placeholder="Any" data={subStatusChoices} value={params.get("subStatus")} onChange={(value) => set("subStatus", value)} w={170} />
        <FilterDateInput label="Created from" value={params.get("createdFrom")} onChange={(value) => set("createdFrom", value)} title={`Days in ${organisationTimeZone()}`} />
        <FilterDateInput label="Created to" value={params.get("createdTo")} onChange={(value) => set("createdTo", value)} title={`Included; days in ${organisationTimeZone()}`} />
        {narrowed && (
          <ClearFiltersButton
            onClick={() => {
              const next = new URLSearchParams(params);
              for (const name of instanceFilterNames) next.delete(name);
              next.delete("page");
              setParams(next);
            }}
          />
        )}
      </Group>
      <Paper withBorder>
        <ListResults query={list} noun="instances" errorTitle="The instances could not be loaded" empty="No instances match these filters.">
          {(items) => (
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
        </ListResults>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data ? `${list.data.total} instance${list.data.total === 1 ? "" : "s"}, ${describeInstanceSort(sort)} · times in ${organisationTimeZone()}` : ""}
        </Text>
        <PageControls
          page={Number(params.get("page") ?? 1)}
          pageCount={pageCount}
          onPageChange={(page) => set("page", page === 1 ? null : String(page))}
          pageSize={params.get("pageSize") ?? defaultInstancePageSize}
          pageSizes={instancePageSizes}
          onPageSizeChange={(size) => set("pageSize", size)}
          noun="instances"
        />
      </Group>
    </Stack>
  );
}
