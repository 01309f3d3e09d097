import type { ReactNode } from "react";
import { Anchor, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../api/problem";
import { DateTime } from "../../../components/DateTime";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { OutcomeBadge, PurposeBadge } from "../AuditBadges";
import { auditKeys, fetchAuditRecord } from "../auditApi";
import { auditSearchPath } from "../auditParams";
import { ActorCell, patientTimelinePath } from "../AuditTable";
import { actionNames } from "../auditTypes";
import { JsonDiffView } from "./JsonDiffView";

export const instanceTimelinePath = (id: string) => `/audit/instances/${encodeURIComponent(id)}`;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: "break-word" }}>
        {children ?? "—"}
      </Text>
    </div>
  );
}

const mono = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "—" : (
    <Text span ff="monospace" size="sm">
      {value}
    </Text>
  );

/** `/audit/records/:sequence`: one audit record whole — who, what, when, from where, why, before and after, and its hashes. */
export function AuditRecordPage() {
  const { sequence = "" } = useParams();
  const details = useQuery({ queryKey: auditKeys.record(sequence), queryFn: () => fetchAuditRecord(sequence) });

  const back = (
    <Anchor component={Link} to="/audit" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        The audit log
      </Group>
    </Anchor>
  );
  if (details.isPending)
    return (
      <Stack gap="sm">
        {back}
        <Center p="xl">
          <Loader aria-label="Loading the record" />
        </Center>
      </Stack>
    );
  if (details.isError) {
    const gone = details.error instanceof ApiError && details.error.status === 404;
    return (
      <Stack gap="sm">
        {back}
        <ErrorAlert error={details.error} title={gone ? "There is no such record" : "The record could not be loaded"} onRetry={gone ? undefined : () => void details.refetch()} />
      </Stack>
    );
  }

  const { record: r, userAgent, reason, before, after, previousHash, hash } = details.data;
  return (
    <Stack gap="md" maw={1200}>
      {back}
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          Record {r.sequence}: <Text span ff="monospace" inherit>{r.operation}</Text>
        </Title>
        <OutcomeBadge outcome={r.outcome} />
        {r.purposeOfUse && <PurposeBadge purpose={r.purposeOfUse} />}
      </Group>
      <Group gap="md" component="nav" aria-label="Related">
        {r.instanceId && (
          <Anchor component={Link} to={instanceTimelinePath(r.instanceId)} size="sm">
            The instance's timeline
          </Anchor>
        )}
        {r.patientId && (
          <Anchor component={Link} to={patientTimelinePath(r.patientId)} size="sm">
            The patient's timeline
          </Anchor>
        )}
        {r.actorId && (
          <Anchor component={Link} to={auditSearchPath({ actor: r.actorId })} size="sm">
            Everything by this actor
          </Anchor>
        )}
        {r.correlationId && (
          <Anchor component={Link} to={auditSearchPath({ correlationId: r.correlationId })} size="sm">
            Every record of this request
          </Anchor>
        )}
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="record-fields">
        <Title order={2} size="h4" id="record-fields" mb="sm">
          Who, what and when
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          <Field label="Time">
            <DateTime value={r.occurredAt} />
          </Field>
          <Field label="Actor">
            <ActorCell record={r} />
          </Field>
          <Field label="Operation">{mono(r.operation)}</Field>
          <Field label="Action">
            {r.action} — {actionNames[r.action] ?? r.action}
          </Field>
          <Field label="Entity type">{r.entityType}</Field>
          <Field label="Entity id">{mono(r.entityId)}</Field>
          <Field label="Patient">{r.patientId}</Field>
          <Field label="Outcome">
            <OutcomeBadge outcome={r.outcome} />
          </Field>
          <Field label="Purpose of use">
            <PurposeBadge purpose={r.purposeOfUse} />
          </Field>
          <Field label="Client address">{mono(r.clientAddress)}</Field>
          <Field label="Correlation id">{mono(r.correlationId)}</Field>
          <Field label="Pathway">
            {r.definitionId ? (
              <>
                {r.definitionId}
                {r.definitionVersion !== null && ` v${r.definitionVersion}`}
              </>
            ) : null}
          </Field>
          <Field label="Instance">{mono(r.instanceId)}</Field>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" component="dl" mt="sm" mb={0}>
          <Field label="Reason">{reason ? <span style={{ whiteSpace: "pre-wrap" }}>{reason}</span> : null}</Field>
          <Field label="User agent">{mono(userAgent)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="record-diff">
        <Title order={2} size="h4" id="record-diff" mb="sm">
          Before and after
        </Title>
        <JsonDiffView before={before} after={after} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="record-chain">
        <Title order={2} size="h4" id="record-chain" mb="sm">
          Place in the chain
        </Title>
        <SimpleGrid cols={1} spacing="xs" component="dl" m={0}>
          <Field label="Previous record's hash">{mono(previousHash)}</Field>
          <Field label="This record's hash">{mono(hash)}</Field>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
