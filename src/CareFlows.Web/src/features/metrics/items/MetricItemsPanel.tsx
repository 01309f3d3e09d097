import { useEffect, useRef } from "react";
import { Anchor, Button, Center, Group, Loader, Pagination, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { organisationTimeZone } from "../../../components/format";
import type { MetricQuery } from "../api";
import { fetchMetricItems, itemSets, metricItemKeys, type ItemSet, type MetricItem, type MetricItemsPage } from "./itemsApi";
import { defaultItemPageSize, itemPageSizes, useItemsParams } from "./itemsParams";
import { formatItemTime, formatItemValue, patientText, setLabels } from "./itemFormat";
import { MetBadge } from "./MetBadge";
import { AddressSortHeader } from "../../../components/table/SortableHeader";

interface MetricItemsPanelProps {
  metric: string;
  /** The metric's period and filters, as its figures were computed over. */
  period: MetricQuery;
  /** The figure's name as the page shows it. */
  figureLabel(figure: string): string;
  /** Whether the figure is a ratio (which has a numerator, a denominator and those missed). */
  isRatio(figure: string): boolean;
}

/**
 * The discharges, requests, referrals or tasks behind one figure, as the address names it: a page at a time, sorted
 * by any column, each linked to its instance and task. Counted by the server with the same rules as the figure, so
 * the total here is the number on the figure.
 */
export function MetricItemsPanel({ metric, period, figureLabel, isRatio }: MetricItemsPanelProps) {
  const items = useItemsParams();
  const query = items.query;
  const ratio = query ? isRatio(query.figure) : false;
  const request = query ? { ...query, in: ratio ? (query.in ?? "denominator") : undefined } : null;
  const list = useQuery({
    queryKey: metricItemKeys.page(metric, period, request ?? { figure: "" }),
    queryFn: ({ signal }) => fetchMetricItems(metric, period, request!, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a list from a figure moves the reader to it, as following a link to a section would.
  useEffect(() => heading.current?.focus(), [query?.figure, query?.in]);

  if (!query || !request) return null;
  const label = figureLabel(query.figure);
  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="items-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="items-title" ref={heading} tabIndex={-1}>
              {ratio ? `${label}: ${setLabels[request.in!].toLowerCase()}` : label}
            </Title>
            {data && (
              <Text size="sm" c="dimmed">
                {data.total} {data.total === 1 ? "item" : "items"}: {data.definition}
              </Text>
            )}
          </div>
          <Button variant="subtle" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={items.close}>
            Close the list
          </Button>
        </Group>
        {ratio && (
          <SegmentedControl
            aria-label="Which items"
            value={request.in}
            onChange={(value) => items.show(value as ItemSet)}
            data={itemSets.map((set) => ({ value: set, label: setLabels[set] }))}
            w="fit-content"
          />
        )}
        {list.error ? (
          <ErrorAlert error={list.error} title="The items could not be listed" onRetry={() => void list.refetch()} />
        ) : !data ? (
          <Center p="xl">
            <Loader aria-label={`Listing the items behind ${label}`} />
          </Center>
        ) : data.items.length === 0 ? (
          <Text c="dimmed">There are no items in this set.</Text>
        ) : (
          <ItemsTable page={data} sort={data.sort} onSort={items.sortBy} busy={list.isFetching} />
        )}
        {data && data.total > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              Page {data.page} of {pageCount} · times in {organisationTimeZone()}
            </Text>
            <Group gap="xs">
              <Pagination
                total={pageCount}
                value={data.page}
                onChange={items.goTo}
                size="sm"
                getControlProps={(control) => ({ "aria-label": `${control} page` })}
                getItemProps={(page) => ({ "aria-label": `Page ${page}` })}
              />
              <Select
                aria-label="Items per page"
                data={itemPageSizes.map((size) => ({ value: size, label: `${size} per page` }))}
                value={String(data.pageSize ?? defaultItemPageSize)}
                onChange={items.resize}
                allowDeselect={false}
                size="xs"
                w={130}
              />
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ItemsTable({ page, sort, onSort, busy }: { page: MetricItemsPage; sort: string; onSort(sort: string): void; busy: boolean }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label="Items" aria-busy={busy} data-testid="metric-items">
        <Table.Thead>
          <Table.Tr>
            <AddressSortHeader column="patient" sort={sort} onSort={onSort}>
              Patient
            </AddressSortHeader>
            <AddressSortHeader column="counted" sort={sort} onSort={onSort}>
              {page.countedAt.label}
            </AddressSortHeader>
            {page.times.map((field) => (
              <AddressSortHeader key={field.name} column={field.name} sort={sort} onSort={onSort}>
                {field.label}
              </AddressSortHeader>
            ))}
            {page.value && (
              <AddressSortHeader column="value" sort={sort} onSort={onSort}>
                {page.value.label}
              </AddressSortHeader>
            )}
            {page.met && (
              <AddressSortHeader column="met" sort={sort} onSort={onSort}>
                Met the clock
              </AddressSortHeader>
            )}
            <Table.Th scope="col">Detail</Table.Th>
            <Table.Th scope="col">Open</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((item) => (
            <ItemRow key={`${item.instanceId}/${item.taskId ?? ""}/${item.detail ?? ""}`} item={item} page={page} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ItemRow({ item, page }: { item: MetricItem; page: MetricItemsPage }) {
  const patient = patientText(item.patient);
  return (
    <Table.Tr data-testid="metric-item">
      <Table.Td>
        <Text size="sm" fw={600}>
          {patient}
        </Text>
        {item.patient?.mrn && item.patient.mrn !== patient && (
          <Text size="xs" c="dimmed">
            {item.patient.mrn}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {item.pathwayName ?? item.pathway}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatItemTime(item.countedAt, page.countedAt)}</Table.Td>
      {page.times.map((field) => (
        <Table.Td key={field.name} style={{ whiteSpace: "nowrap" }}>
          {formatItemTime(item.times[field.name], field)}
        </Table.Td>
      ))}
      {page.value && <Table.Td style={{ whiteSpace: "nowrap" }}>{formatItemValue(item.value, page.value)}</Table.Td>}
      {page.met && (
        <Table.Td>
          <MetBadge met={item.met} meaning={page.met} />
        </Table.Td>
      )}
      <Table.Td>{item.detail ?? "—"}</Table.Td>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Anchor component={Link} to={`/instances/${encodeURIComponent(item.instanceId)}`} size="sm" aria-label={`Instance of ${patient}`}>
            Instance
          </Anchor>
          {item.taskId && (
            <Anchor component={Link} to={`/tasks/${encodeURIComponent(item.taskId)}`} size="sm" aria-label={`Task of ${patient}`}>
              Task
            </Anchor>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
