import { Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import type { useMetricFilters } from "./useMetricFilters";
import { usePathways, useTeams } from "./useNames";

/** Period, pathway and team, all in the address; the pathway and team narrow only the metrics that count tasks. */
export function MetricsFilterBar({ filters, serverErrors = {} }: { filters: ReturnType<typeof useMetricFilters>; serverErrors?: Record<string, string> }) {
  const pathways = usePathways();
  const teams = useTeams();
  const { choice, problems, set } = filters;
  return (
    <Stack gap="xs" role="search" aria-label="Metric filters">
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="period-label">
            Period
          </Text>
          <SegmentedControl
            aria-labelledby="period-label"
            value={choice.preset}
            onChange={(value) => set({ period: value === "30" ? null : value, ...(value === "custom" ? {} : { from: null, to: null }) })}
            data={[
              { value: "30", label: "Last 30 days" },
              { value: "90", label: "Last 90 days" },
              { value: "custom", label: "Custom" },
            ]}
          />
        </Stack>
        {choice.preset === "custom" && (
          <>
            <TextInput
              type="date"
              label="First day"
              value={choice.fromDate}
              onChange={(e) => set({ from: e.currentTarget.value })}
              error={problems.from ?? serverErrors.from}
              w={170}
            />
            <TextInput
              type="date"
              label="Last day"
              description="Included"
              value={choice.toDate}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={problems.to ?? serverErrors.to}
              w={170}
            />
          </>
        )}
        <Select
          label="Pathway"
          data={[{ value: "", label: "All pathways" }, ...pathways.options]}
          value={filters.pathway}
          onChange={(value) => set({ pathway: value })}
          allowDeselect={false}
          error={serverErrors.pathway}
          w={240}
        />
        <Select
          label="Team"
          data={[{ value: "", label: "All teams" }, ...teams.options]}
          value={filters.team}
          onChange={(value) => set({ team: value })}
          allowDeselect={false}
          searchable
          error={serverErrors.team}
          w={220}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Pathway and team narrow the task metrics (deadline breaches, workload); the others count each discharge, request or referral once, whoever worked it.
        {!teams.complete && " Teams listed are yours and those with tasks waiting now."}
      </Text>
    </Stack>
  );
}
