import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Anchor, Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { DateTime } from "../../../components/DateTime";
import { ErrorAlert } from "../../../components/ErrorAlert";
import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { definitionKeys, exportUrl, fetchDefinition, useDefinitionVersions, type DefinitionVersion } from "../api/definitionsApi";
import { diffDefinitions } from "../model/diff";
import { usePersonLabel } from "../../inbox/people";
import { DiffView } from "./DiffView";

const statusColors: Record<string, [string, string]> = { Draft: ["gray", "dark.7"], Published: ["teal", "dark.8"], Retired: ["orange", "dark.7"] };

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={(statusColors[status] ?? statusColors.Draft)[0]} c={(statusColors[status] ?? statusColors.Draft)[1]} variant="light">
      {status}
    </Badge>
  );
}

interface VersionHistoryProps {
  definitionId: string;
  working: ElsaDefinition;
  descriptors: DescriptorMap;
  canEdit: boolean;
  dirty: boolean;
  onRevert(version: number): Promise<void>;
}

const workingCopy = "working";

/** Every version, with export and rollback, and a structural diff between any two (or a version and the working copy). */
export function VersionHistory({ definitionId, working, descriptors, canEdit, dirty, onRevert }: VersionHistoryProps) {
  const versions = useDefinitionVersions(definitionId);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(workingCopy);
  const [confirm, setConfirm] = useState<DefinitionVersion | null>(null);
  const [reverting, setReverting] = useState(false);
  const [revertError, setRevertError] = useState<unknown>(null);

  const list = versions.data ?? [];
  const person = usePersonLabel(list.map((v) => v.updatedBy));
  const fromValue = from ?? (list[1] ? String(list[1].version) : list[0] ? String(list[0].version) : null);
  const load = (value: string | null) => ({
    queryKey: definitionKeys.one(definitionId, value && value !== workingCopy ? Number(value) : -1),
    queryFn: () => fetchDefinition(definitionId, Number(value)),
    enabled: !!value && value !== workingCopy,
    staleTime: 60_000,
  });
  const left = useQuery(load(fromValue));
  const right = useQuery(load(to));
  const leftDoc = fromValue === workingCopy ? working : left.data?.definition;
  const rightDoc = to === workingCopy ? working : right.data?.definition;
  const diff = useMemo(() => (leftDoc && rightDoc ? diffDefinitions(leftDoc, rightDoc, descriptors) : null), [leftDoc, rightDoc, descriptors]);

  if (versions.isLoading) return <Loader aria-label="Loading versions" />;
  if (versions.error) return <ErrorAlert error={versions.error} title="The versions could not be loaded" onRetry={() => void versions.refetch()} />;

  const options = [{ value: workingCopy, label: dirty ? "Working copy (unsaved)" : "Working copy" }, ...list.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${v.status})` }))];
  const label = (value: string | null) => options.find((o) => o.value === value)?.label ?? "";

  return (
    <Stack gap="sm" component="section" aria-label="Version history" data-testid="version-history">
      <Title order={2} size="h4">
        Version history
      </Title>
      <Table fz="sm" verticalSpacing={4} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last change</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td miw={96}>
                <StatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>
                <DateTime value={v.updatedAt} />
                <Text size="xs" c="dimmed">
                  by {person(v.updatedBy ?? v.createdBy, "an unknown user")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Anchor href={exportUrl(definitionId, v.version)} download size="sm" aria-label={`Export version ${v.version}`}>
                    <IconDownload size={16} aria-hidden />
                  </Anchor>
                  {canEdit && !v.isLatest && (
                    <Button size="compact-xs" variant="light" onClick={() => setConfirm(v)}>
                      Roll back
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        Compare
      </Title>
      <Group grow gap="xs">
        <Select label="From" data={options} value={fromValue} onChange={setFrom} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        <Select label="To" data={options} value={to} onChange={setTo} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
      </Group>
      {(left.isLoading || right.isLoading) && <Loader size="sm" aria-label="Loading the versions to compare" />}
      {(left.error || right.error) && <ErrorAlert error={left.error ?? right.error} title="A version could not be loaded" />}
      {diff && <DiffView diff={diff} fromLabel={label(fromValue)} toLabel={label(to)} />}

      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={`Roll back to version ${confirm?.version}?`}>
        <Stack gap="sm">
          <Text size="sm">
            A copy of version {confirm?.version} becomes a new draft on top of the others. Nothing is published until you publish it, and no version is lost.
          </Text>
          {dirty && (
            <Text size="sm" fw={600}>
              Your unsaved changes will be replaced by the copy; Ctrl+Z brings them back.
            </Text>
          )}
          {revertError ? <ErrorAlert error={revertError} title="The rollback was refused" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
            <Button
              loading={reverting}
              onClick={async () => {
                if (!confirm) return;
                setReverting(true);
                setRevertError(null);
                try {
                  await onRevert(confirm.version);
                  setConfirm(null);
                } catch (error) {
                  setRevertError(error);
                } finally {
                  setReverting(false);
                }
              }}
            >
              Roll back
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
