import { Alert, Anchor, Breadcrumbs, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconInfoCircle } from "@tabler/icons-react";
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NotFound } from "../../components/NotFound";
import { metricKeys, metricsApi, narrowsByPathwayAndTeam, type MetricResult } from "./api";
import { MetricVisuals } from "./charts/MetricVisuals";
import { FiguresTable } from "./FiguresTable";
import { MetricItemsPanel } from "./items/MetricItemsPanel";
import { MetricsFilterBar } from "./MetricsFilterBar";
import { measureLabel, presentationOf, ratioLabel } from "./presentation";
import { TrustNotes } from "./TrustNotes";
import { useCoordinatorNames, usePathways, useTeams } from "./useNames";
import { useMetricFilters } from "./useMetricFilters";

/** One metric in full: every chart, every figure with its definition, and what lies behind it. */
export function MetricPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const { can } = useAuth();
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
              <FiguresTable result={result.data} canDrill={can.drillIntoMetrics} />
            </Stack>
          </Paper>
          {can.drillIntoMetrics ? (
            <MetricItemsPanel
              metric={id}
              period={query}
              figureLabel={(figure) => figureLabel(result.data!, figure)}
              isRatio={(figure) => result.data!.ratios.some((r) => r.name === figure)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              The discharges, requests, referrals and tasks behind these figures are patient data: auditors and administrators can list them from here.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function figureLabel(result: MetricResult, figure: string): string {
  const p = presentationOf(result.metric, result.title);
  return figure in result.measures ? measureLabel(p, figure) : ratioLabel(p, figure);
}

function firstMessages(errors: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? ""]));
}
