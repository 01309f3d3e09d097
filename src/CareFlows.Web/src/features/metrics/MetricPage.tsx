import { Alert, Anchor, Breadcrumbs, Center, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconInfoCircle } from "@tabler/icons-react";
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NotFound } from "../../components/NotFound";
import { metricKeys, metricsApi, narrowsByPathwayAndTeam, type MetricResult } from "./api";
import { MetricVisuals } from "./charts/MetricVisuals";
import { formatMeasure, formatPercent } from "./describe";
import { MetricsFilterBar } from "./MetricsFilterBar";
import { measureLabel, presentationOf, ratioLabel } from "./presentation";
import { TrustNotes } from "./TrustNotes";
import { useCoordinatorNames, usePathways, useTeams } from "./useNames";
import { useMetricFilters } from "./useMetricFilters";

/** One metric in full: every chart, every figure with its definition, and what lies behind it. */
export function MetricPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const filters = useMetricFilters();
  const query = filters.query && !narrowsByPathwayAndTeam(id) ? { from: filters.query.from, to: filters.query.to } : filters.query;
  const result = useQuery({
    queryKey: metricKeys.one(id, query ?? {}),
    queryFn: ({ signal }) => metricsApi.one(id, query!, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const pathways = usePathways();
  const teams = useTeams();
  const coordinator = useCoordinatorNames((result.data?.rows ?? []).filter((r) => r.kind === "coordinator").map((r) => r.key));
  const serverErrors = result.error instanceof ApiError && result.error.status === 400 ? firstMessages(result.error.fieldErrors()) : {};

  if (result.error instanceof ApiError && result.error.status === 404) return <NotFound />;
  const p = presentationOf(id, result.data?.title ?? id);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/metrics${location.search}`}>
          Metrics
        </Anchor>
        <Text span>{p.heading}</Text>
      </Breadcrumbs>
      <Title order={1}>{p.heading}</Title>
      <MetricsFilterBar filters={filters} serverErrors={serverErrors} />
      {!narrowsByPathwayAndTeam(id) && (filters.pathway || filters.team) && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Pathway and team do not apply here">
          This metric counts each discharge, request or referral once, whoever worked it, so it is shown for all pathways and teams.
        </Alert>
      )}
      {query === null ? (
        <Text c="dimmed">Choose a complete period to see this metric.</Text>
      ) : result.error ? (
        <ErrorAlert error={result.error} title="This metric could not be computed" onRetry={() => void result.refetch()} />
      ) : !result.data ? (
        <Center p="xl">
          <Loader aria-label={`Computing ${p.heading}`} />
        </Center>
      ) : (
        <Stack aria-busy={result.isFetching}>
          <Paper withBorder p="md" component="section" aria-label="Charts">
            <MetricVisuals result={result.data} names={{ pathway: pathways.name, team: teams.name, coordinator }} detailed />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="counted-title">
            <Stack gap="sm">
              <Title order={2} size="h3" id="counted-title">
                How it is counted
              </Title>
              <TrustNotes result={result.data} names={{ pathway: pathways.name, team: teams.name }} />
              <Figures result={result.data} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="behind-title">
            <Stack gap="xs">
              <Title order={2} size="h3" id="behind-title">
                The items behind it
              </Title>
              <Text size="sm">
                The metrics service returns counts{result.data.rows.length > 0 ? " and the breakdown above" : ""}, not the discharges, requests, referrals or tasks it
                counted, so they cannot be listed from here. Patient-level detail stays in the inbox and the instance views, for the roles allowed to see it.
              </Text>
            </Stack>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}

/** Every rate and figure with its exact definition, as a table. */
function Figures({ result }: { result: MetricResult }) {
  const p = presentationOf(result.metric, result.title);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          <Text size="sm" c="dimmed" component="span">
            Every figure of this metric with what it counts.
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col" ta="right">
              Value
            </Table.Th>
            <Table.Th scope="col">Counts</Table.Th>
            <Table.Th scope="col">Out of</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.ratios.map((ratio) => (
            <Table.Tr key={ratio.name}>
              <Table.Th scope="row" fw={500}>
                {ratioLabel(p, ratio.name)}
              </Table.Th>
              <Table.Td ta="right">{formatPercent(ratio.rate)}</Table.Td>
              <Table.Td>
                {ratio.numerator}: {ratio.numeratorDefinition}
              </Table.Td>
              <Table.Td>
                {ratio.denominator}: {ratio.denominatorDefinition}
              </Table.Td>
            </Table.Tr>
          ))}
          {Object.entries(result.measures).map(([name, measure]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" fw={500}>
                {measureLabel(p, name)}
              </Table.Th>
              <Table.Td ta="right">{formatMeasure(measure)}</Table.Td>
              <Table.Td colSpan={2}>{measure.definition}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function firstMessages(errors: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? ""]));
}
