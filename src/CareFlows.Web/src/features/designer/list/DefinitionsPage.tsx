import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Anchor, Badge, Button, Center, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconPlus, IconSearch } from "@tabler/icons-react";
import { useAuth } from "../../../auth/AuthContext";
import { DateTime } from "../../../components/DateTime";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { exportUrl, useDefinitionList, type DefinitionSummary } from "../api/definitionsApi";
import { usePersonLabel } from "../../inbox/people";
import { ImportDefinitions } from "./ImportDefinitions";
import { NewPathwayModal } from "./NewPathwayModal";

const pageSize = 20;
const sorts = [
  { value: "name", label: "Name, A to Z" },
  { value: "-name", label: "Name, Z to A" },
  { value: "-updated", label: "Last change, newest first" },
  { value: "updated", label: "Last change, oldest first" },
];
const statuses = [
  { value: "", label: "Any status" },
  { value: "draft", label: "Draft (never published)" },
  { value: "published", label: "Published" },
  { value: "retired", label: "Retired" },
];

function Status({ item }: { item: DefinitionSummary }) {
  return (
    <Group gap={4}>
      {item.publishedVersion ? (
        <Badge color="teal" variant="light" c="dark.8">
          Published v{item.publishedVersion}
        </Badge>
      ) : item.everPublished ? (
        <Badge color="orange" variant="light" c="dark.7">
          Retired
        </Badge>
      ) : null}
      {!item.isPublished && (item.publishedVersion || !item.everPublished) && (
        <Badge color="gray" variant="light" c="dark.7">
          Draft v{item.latestVersion}
        </Badge>
      )}
    </Group>
  );
}

/** `/definitions`: every pathway, searchable, filterable by status, sortable and paged on the server, all in the URL. */
export function DefinitionsPage() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const search = params.get("search") ?? "";
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "name";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [typed, setTyped] = useState(search);
  const [debounced] = useDebouncedValue(typed, 300);
  const [creating, setCreating] = useState(false);

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (debounced !== search) update({ search: debounced.trim() || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = useDefinitionList({ search: search || undefined, status: status || undefined, sort, page, pageSize });
  const data = list.data;
  const person = usePersonLabel(data?.items.map((item) => item.updatedBy ?? item.createdBy) ?? []);
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Pathways</Title>
        {can.editDefinitions && (
          <Group gap="xs">
            <ImportDefinitions />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="new-pathway">
              New pathway
            </Button>
          </Group>
        )}
      </Group>
      <Group gap="sm" align="flex-end" role="search">
        <TextInput label="Search" placeholder="Name, description or id" leftSection={<IconSearch size={16} aria-hidden />} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} w={300} />
        <Select label="Status" data={statuses} value={status} onChange={(v) => update({ status: v || null })} allowDeselect={false} w={220} />
        <Select label="Sort by" data={sorts} value={sort} onChange={(v) => update({ sort: v === "name" ? null : v })} allowDeselect={false} w={240} />
      </Group>
      {list.error ? <ErrorAlert error={list.error} title="The pathways could not be loaded" onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? (
        <Center h={200}>
          <Loader aria-label="Loading pathways" />
        </Center>
      ) : data && data.items.length === 0 ? (
        <Text>{search || status ? "No pathway matches these filters." : "There are no pathways yet."}</Text>
      ) : data ? (
        <>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Pathways" aria-busy={list.isFetching} data-testid="definitions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th aria-sort={sort === "name" ? "ascending" : sort === "-name" ? "descending" : undefined}>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Versions</Table.Th>
                <Table.Th aria-sort={sort === "updated" ? "ascending" : sort === "-updated" ? "descending" : undefined}>Last change</Table.Th>
                <Table.Th>Export</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.definitionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/definitions/${encodeURIComponent(item.definitionId)}`} fw={600}>
                      {item.name || item.definitionId}
                    </Anchor>
                    {item.description && (
                      <Text size="xs" c="dimmed" lineClamp={1} maw={520}>
                        {item.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Status item={item} />
                  </Table.Td>
                  <Table.Td>{item.latestVersion}</Table.Td>
                  <Table.Td>
                    <DateTime value={item.updatedAt} />
                    {(item.updatedBy ?? item.createdBy) && (
                      <Text size="xs" c="dimmed">
                        by {person(item.updatedBy ?? item.createdBy)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={exportUrl(item.definitionId)} download aria-label={`Export ${item.name ?? item.definitionId} as Elsa JSON`}>
                      <IconDownload size={18} aria-hidden />
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {data.total} {data.total === 1 ? "pathway" : "pathways"}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={(p) => update({ page: p === 1 ? null : String(p) })} getControlProps={(control) => ({ "aria-label": `${control} page` })} />}
          </Group>
        </>
      ) : null}
      <NewPathwayModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
