import { useMemo } from "react";
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconFileCode } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/problem";
import { organisationTimeZone } from "../../components/format";
import { PagedResults } from "../../components/table/PagedResults";
import { auditKeys, csvExportUrl, fetchAuditRecords, fhirExportUrl } from "./auditApi";
import { AuditFilters } from "./AuditFilters";
import { auditApiQuery, auditFilterQuery, auditPageSizes, defaultAuditPageSize, defaultAuditSort, withAuditParams } from "./auditParams";
import { AuditTable, patientTimelinePath } from "./AuditTable";
import { VerifyPanel } from "./VerifyPanel";

/** How the filters a refusal names read in its summary. */
const parameterLabels: Record<string, string> = { from: "From", to: "To", actor: "Actor", actorType: "Actor type", entityType: "Entity type", entityId: "Entity id", correlationId: "Correlation id" };

/**
 * `/audit`: the audit log searched by time, actor, patient, entity, operation, action, outcome and correlation id,
 * sorted by any column and paged on the server — all in the address, so a search can be shared — with its exports
 * and the chain check.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => auditApiQuery(params), [params]);
  const filters = useMemo(() => auditFilterQuery(params), [params]);
  const list = useQuery({ queryKey: auditKeys.list(query), queryFn: ({ signal }) => fetchAuditRecords(query, signal), placeholderData: keepPreviousData });
  const set = (changes: Record<string, string | null>) => setParams(withAuditParams(params, changes));
  const sort = params.get("sort") ?? defaultAuditSort;
  const refused = list.error instanceof ApiError && list.error.status === 422 ? list.error : null;
  const errors = refused?.problem.errors ?? {};

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Audit log
          </Title>
          <Text size="sm" c="dimmed">
            Every change, every read of patient data and every refusal, in the order recorded. Times in {organisationTimeZone()}.
          </Text>
        </div>
        <Group gap="xs">
          <Anchor component={Link} to={params.get("patient") ? patientTimelinePath(params.get("patient")!) : "/audit/patients"} size="sm" mr="sm">
            {params.get("patient") ? "This patient's timeline" : "A patient's timeline"}
          </Anchor>
          <Button component="a" href={csvExportUrl(filters)} download size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />}>
            Export CSV
          </Button>
          <Button component="a" href={fhirExportUrl(filters)} target="_blank" rel="noopener" size="xs" variant="default" leftSection={<IconFileCode size={14} aria-hidden />}>
            FHIR AuditEvent bundle
          </Button>
        </Group>
      </Group>
      <AuditFilters params={params} onChange={set} errors={errors} />
      <VerifyPanel />
      <Paper withBorder p="xs">
        {refused ? (
          <Alert color="red" title="The search could not be run" role="alert">
            {Object.entries(errors).length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                {Object.entries(errors).map(([name, messages]) => (
                  <li key={name}>
                    {parameterLabels[name] ?? name}: {messages.join(" ")}
                  </li>
                ))}
              </ul>
            ) : (
              refused.message
            )}
          </Alert>
        ) : (
          <PagedResults
            query={list}
            noun="records"
            errorTitle="The audit log could not be searched"
            empty="No audit record matches these filters."
            onPageChange={(page) => set({ page: page === 1 ? null : String(page) })}
          >
            {(items) => <AuditTable records={items} sort={sort} onSort={(next) => set({ sort: next === defaultAuditSort ? null : next })} caption="Denied requests and break-the-glass reads are flagged. Select a record's number to read it whole." />}
          </PagedResults>
        )}
      </Paper>
      <Group justify="flex-end">
        <Select
          aria-label="Records per page"
          data={auditPageSizes.map((size) => ({ value: size, label: `${size} per page` }))}
          value={params.get("pageSize") ?? defaultAuditPageSize}
          onChange={(size) => size && set({ pageSize: size === defaultAuditPageSize ? null : size })}
          allowDeselect={false}
          size="xs"
          w={130}
        />
      </Group>
    </Stack>
  );
}
