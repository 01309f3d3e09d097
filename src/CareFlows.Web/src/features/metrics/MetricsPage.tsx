import { Center, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/ErrorAlert";
import { metricKeys, metricsApi } from "./api";
import { MetricCard } from "./MetricCard";
import { MetricsFilterBar } from "./MetricsFilterBar";
import { useMetricFilters } from "./useMetricFilters";

/** Every metric the server computes, for one period and optionally one pathway and team. */
export function MetricsPage() {
  const filters = useMetricFilters();
  const metrics = useQuery({ queryKey: metricKeys.list, queryFn: ({ signal }) => metricsApi.list(signal), staleTime: Infinity });

  return (
    <Stack>
      <div>
        <Title order={1}>Metrics</Title>
        <Text c="dimmed" size="sm">
          Whether the teams met their clocks, computed from what was recorded as it happened. Counts only: no patient is named here.
        </Text>
      </div>
      <MetricsFilterBar filters={filters} />
      {metrics.error ? (
        <ErrorAlert error={metrics.error} title="The metrics could not be listed" onRetry={() => void metrics.refetch()} />
      ) : !metrics.data ? (
        <Center p="xl">
          <Loader aria-label="Loading metrics" />
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          {metrics.data.map((metric) => (
            <MetricCard key={metric.id} metric={metric} query={filters.query} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
