import { ActionIcon, Badge, Group, Loader, Menu, NavLink, Stack, Text } from "@mantine/core";
import { IconDots, IconFilter } from "@tabler/icons-react";
import { Link } from "react-router";
import type { TaskCounts, SavedFilter } from "./taskTypes";
import { paramsForPreset, paramsOfSaved, type QueuePreset } from "./inboxParams";

interface QueueNavProps {
  presets: { personal: QueuePreset[]; teams: QueuePreset[]; shared: QueuePreset[] };
  activeKey: string | null;
  activeFilterId: string | null;
  params: URLSearchParams;
  counts: TaskCounts | undefined;
  filters: SavedFilter[] | undefined;
  filtersLoading: boolean;
  onRename(filter: SavedFilter): void;
  onDelete(filter: SavedFilter): void;
}

function CountBadge({ count, label }: { count: number | undefined; label: string }) {
  if (count === undefined) return null;
  return (
    <Badge size="sm" variant="filled" color="gray.7" aria-label={`${count} ${label}`}>
      {count}
    </Badge>
  );
}

/** The left pane: the user's own and team queues with how many wait in each, the shared views, and saved filters. */
export function QueueNav({ presets, activeKey, activeFilterId, params, counts, filters, filtersLoading, onRename, onDelete }: QueueNavProps) {
  const href = (preset: QueuePreset) => `/inbox?${paramsForPreset(params, preset).toString()}`;
  const unassigned = counts ? Object.values(counts.teams).reduce((sum, n) => sum + n, 0) : undefined;
  const countOf = (preset: QueuePreset): { count?: number; label: string } => {
    if (preset.key === "mine") return { count: counts?.mine, label: "open tasks" };
    if (preset.key === "unassigned") return { count: unassigned, label: "unclaimed tasks" };
    if (preset.key.startsWith("team:")) return { count: counts?.teams[preset.params.team], label: "unclaimed tasks" };
    return { label: "" };
  };
  const link = (preset: QueuePreset) => {
    const { count, label } = countOf(preset);
    return (
      <NavLink
        key={preset.key}
        component={Link}
        to={href(preset)}
        label={preset.label}
        active={activeKey === preset.key}
        aria-current={activeKey === preset.key ? "page" : undefined}
        data-testid={`queue-${preset.key}`}
        rightSection={
          <Group gap={4} wrap="nowrap">
            {preset.key === "mine" && !!counts?.mineOverdue && (
              <Badge size="sm" color="red.9" aria-label={`${counts.mineOverdue} overdue`}>
                {counts.mineOverdue} overdue
              </Badge>
            )}
            <CountBadge count={count} label={label} />
          </Group>
        }
      />
    );
  };

  return (
    <Stack gap={4} component="nav" aria-label="Task views">
      {presets.personal.map(link)}
      {presets.teams.length > 0 && (
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" px="sm">
          Team queues
        </Text>
      )}
      {presets.teams.map(link)}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" px="sm">
        Everything
      </Text>
      {presets.shared.map(link)}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" px="sm">
        Saved filters
      </Text>
      {filtersLoading && <Loader size="xs" aria-label="Loading saved filters" ml="sm" />}
      {filters?.length === 0 && (
        <Text size="xs" c="dimmed" px="sm">
          None yet. Narrow a view, then “Save as filter…”.
        </Text>
      )}
      {filters?.map((filter) => (
        <Group key={filter.id} gap={0} wrap="nowrap">
          <NavLink
            component={Link}
            to={`/inbox?${paramsOfSaved(filter.id, filter.query).toString()}`}
            label={filter.name}
            leftSection={<IconFilter size={14} aria-hidden />}
            active={activeFilterId === filter.id}
            aria-current={activeFilterId === filter.id ? "page" : undefined}
            style={{ flex: 1 }}
          />
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for filter ${filter.name}`}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onRename(filter)}>Rename…</Menu.Item>
              <Menu.Item color="red.9" onClick={() => onDelete(filter)}>
                Delete…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ))}
    </Stack>
  );
}
