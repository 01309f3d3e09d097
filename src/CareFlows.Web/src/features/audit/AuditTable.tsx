import { Anchor, Badge, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import { DateTime } from "../../components/DateTime";
import { DataTable, type DataColumn } from "../../components/table/DataTable";
import { signedSort, type SortDirection } from "../../components/table/SortableHeader";
import { OutcomeBadge, PurposeBadge } from "./AuditBadges";
import { actionNames, type AuditRecordSummary } from "./auditTypes";

export const recordPath = (sequence: number) => `/audit/records/${sequence}`;
export const patientTimelinePath = (patient: string) => `/audit/patients?${new URLSearchParams({ patient }).toString()}`;

/** Who acted, as a list shows it: their name when CareFlows knows them, else their id, and what kind of actor. */
export function ActorCell({ record }: { record: Pick<AuditRecordSummary, "actorType" | "actorId" | "actorName"> }) {
  return (
    <>
      <Text size="sm" component="span" display="block">
        {record.actorName ?? record.actorId ?? (record.actorType === "anonymous" ? "Anonymous" : "—")}
      </Text>
      <Text size="xs" c="dimmed" component="span" display="block">
        {record.actorType}
        {record.actorName && record.actorId ? ` · ${record.actorId}` : ""}
      </Text>
    </>
  );
}

const columns: DataColumn<AuditRecordSummary>[] = [
  {
    key: "sequence",
    header: "#",
    sort: "sequence",
    rowHeader: true,
    align: "right",
    cell: (r) => (
      <Anchor component={Link} to={recordPath(r.sequence)} ff="monospace" size="sm" aria-label={`Record ${r.sequence}`}>
        {r.sequence}
      </Anchor>
    ),
  },
  { key: "occurredAt", header: "Time", sort: "occurredAt", nowrap: true, cell: (r) => <DateTime value={r.occurredAt} /> },
  { key: "actor", header: "Actor", sort: "actorId", cell: (r) => <ActorCell record={r} /> },
  { key: "operation", header: "Operation", sort: "operation", cell: (r) => <Text size="sm" ff="monospace">{r.operation}</Text> },
  {
    key: "action",
    header: "Action",
    sort: "action",
    cell: (r) => (
      <Tooltip label={actionNames[r.action] ?? r.action}>
        <Badge variant="outline" color="gray.8" size="sm" tabIndex={0} aria-label={actionNames[r.action] ?? r.action}>
          {r.action}
        </Badge>
      </Tooltip>
    ),
  },
  {
    key: "entity",
    header: "Entity",
    sort: "entityType",
    cell: (r) => (
      <>
        <Text size="sm" component="span" display="block">
          {r.entityType}
        </Text>
        {r.entityId && (
          <Text size="xs" c="dimmed" ff="monospace" component="span" display="block" style={{ wordBreak: "break-all" }}>
            {r.entityId}
          </Text>
        )}
      </>
    ),
  },
  {
    key: "patient",
    header: "Patient",
    sort: "patientId",
    cell: (r) =>
      r.patientId ? (
        <Anchor component={Link} to={patientTimelinePath(r.patientId)} size="sm" title="This patient's timeline">
          {r.patientId}
        </Anchor>
      ) : (
        "—"
      ),
  },
  { key: "outcome", header: "Outcome", sort: "outcome", cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
  { key: "clientAddress", header: "Client address", sort: "clientAddress", cell: (r) => <Text size="sm" ff="monospace">{r.clientAddress ?? "—"}</Text> },
  { key: "purposeOfUse", header: "Purpose", sort: "purposeOfUse", cell: (r) => <PurposeBadge purpose={r.purposeOfUse} reason={r.reason} /> },
];

/** Times and sequence numbers read newest first on a first press; names and codes A to Z. */
const firstDirection = (key: string): SortDirection => (key === "sequence" || key === "occurredAt" ? "descending" : "ascending");

interface AuditTableProps {
  records: AuditRecordSummary[];
  /** The sort in force as the address writes it (`-sequence`). */
  sort: string;
  onSort(sort: string): void;
  caption: string;
}

/** Audit records a row each, as auditors read a log: sortable by every column, refusals and break-the-glass flagged. */
export function AuditTable({ records, sort, onSort, caption }: AuditTableProps) {
  const by = sort.replace(/^-/, "");
  const direction: SortDirection = sort.startsWith("-") ? "descending" : "ascending";
  return (
    <DataTable
      columns={columns}
      rows={records}
      rowKey={(r) => r.sequence}
      caption={caption}
      sort={{ by, direction, onSort: (key) => onSort(signedSort(sort, key, firstDirection(key)).sort) }}
      rowProps={(r) => ({ "data-testid": "audit-row", "data-outcome": r.outcome, "data-purpose": r.purposeOfUse ?? undefined })}
      minWidth={1100}
      striped
      highlightOnHover
      verticalSpacing={6}
      fz="sm"
    />
  );
}
