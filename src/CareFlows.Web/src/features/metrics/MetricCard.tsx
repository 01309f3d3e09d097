import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { metricKeys, metricsApi, narrowsByPathwayAndTeam, type MetricQuery, type MetricSummary } from "./api";
import { MetricVisuals } from "./charts/MetricVisuals";
import { presentationOf } from "./presentation";
import { TrustNotes } from "./TrustNotes";
import { useCoordinatorNames, usePathways, useTeams } from "./useNames";

/** One metric on the dashboard: its charts, and what it counts in words. */
export function MetricCard({ metric, query }: { metric: MetricSummary; query: MetricQuery | null }) {
  const location = useLocation();
  const result = useQuery({
    queryKey: metricKeys.one(metric.id, narrowsByPathwayAndTeam(metric.id) ? query ?? {} : { from: query?.from, to: query?.to }),
    queryFn: ({ signal }) => metricsApi.one(metric.id, query!, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const pathways = usePathways();
  const teams = useTeams();
  const coordinator = useCoordinatorNames((result.data?.rows ?? []).filter((r) => r.kind === "coordinator").map((r) => r.key));
  const p = presentationOf(metric.id, metric.title);
  const filtered = !!(query?.pathway || query?.team);
  const headingId = `metric-${metric.id}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              <Anchor component={Link} to={`/metrics/${encodeURIComponent(metric.id)}${location.search}`} inherit>
                {p.heading}
              </Anchor>
            </Title>
            <Text size="xs" c="dimmed">
              {metric.title}
            </Text>
          </div>
          {filtered &&
            (narrowsByPathwayAndTeam(metric.id) ? (
              <Badge variant="outline" color="blue.9" size="sm" style={{ flexShrink: 0 }}>
                Filtered
              </Badge>
            ) : (
              <Badge variant="outline" color="gray.8" size="sm" style={{ flexShrink: 0 }} title="Counted per discharge, request or referral: pathway and team do not narrow it">
                Not filtered
              </Badge>
            ))}
        </Group>
        {query === null ? (
          <Text size="sm" c="dimmed">
            Choose a complete period to see this metric.
          </Text>
        ) : result.error ? (
          <ErrorAlert error={result.error} title="This metric could not be computed" onRetry={() => void result.refetch()} />
        ) : !result.data ? (
          <Center h={200}>
            <Loader aria-label={`Computing ${p.heading}`} />
          </Center>
        ) : (
          <Stack gap="sm" aria-busy={result.isFetching}>
            <MetricVisuals result={result.data} names={{ pathway: pathways.name, team: teams.name, coordinator }} />
            <TrustNotes result={result.data} names={{ pathway: pathways.name, team: teams.name }} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
