import { memo } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { Badge, Group, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowsSplit,
  IconBolt,
  IconBox,
  IconCircleCheck,
  IconClock,
  IconHierarchy2,
  IconHourglassHigh,
  IconListCheck,
  IconUserCheck,
  IconVariable,
} from "@tabler/icons-react";
import type { ElsaActivity } from "./elsa";

/** How far a test run or an instance got with an activity. */
export type ActivityRunStatus = "done" | "active" | "faulted";

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ElsaActivity;
  title: string;
  typeLabel: string;
  category: string;
  ports: { name: string; unknown: boolean }[];
  hasInput: boolean;
  status?: ActivityRunStatus;
  errors?: number;
  warnings?: number;
}

export type ActivityFlowNode = Node<ActivityNodeData, "activity">;

const categoryIcons: Record<string, typeof IconBox> = {
  Flow: IconArrowsSplit,
  Timers: IconClock,
  Events: IconBolt,
  "Care coordination": IconUserCheck,
  Primitives: IconVariable,
  Composition: IconHierarchy2,
  Tasks: IconListCheck,
};

const statusLook: Record<ActivityRunStatus, { label: string; color: string; text: string; border: string; Icon: typeof IconBox }> = {
  done: { label: "Done", color: "teal", text: "dark.8", border: "var(--mantine-color-teal-8)", Icon: IconCircleCheck },
  active: { label: "Waiting", color: "blue", text: "dark.8", border: "var(--mantine-color-blue-8)", Icon: IconHourglassHigh },
  faulted: { label: "Faulted", color: "red", text: "dark.8", border: "var(--mantine-color-red-8)", Icon: IconAlertTriangle },
};

export const portWidth = 96;

/** An activity on the canvas: its kind, its text, its run status and problems in words, and a port per outcome. */
function ActivityNodeView({ data, selected, id }: NodeProps<ActivityFlowNode>) {
  const Icon = categoryIcons[data.category] ?? IconBox;
  const status = data.status ? statusLook[data.status] : undefined;
  const description = data.activity.metadata?.showDescription ? data.activity.metadata?.description : undefined;
  const border = status?.border ?? (data.errors ? "var(--mantine-color-red-8)" : selected ? "var(--mantine-color-blue-8)" : "var(--mantine-color-gray-5)");
  return (
    <div
      data-testid={`node-${id}`}
      className="cf-activity-node"
      style={{
        borderColor: border,
        borderWidth: selected || status ? 3 : 1,
        borderStyle: data.status === "active" ? "dashed" : "solid",
        background: selected ? "var(--mantine-color-blue-0)" : "var(--mantine-color-white)",
      }}
    >
      {data.hasInput && <Handle type="target" position={Position.Top} id="In" data-testid={`port-${id}-In`} title="In" />}
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon size={16} aria-hidden />
          <Text size="xs" c="dimmed" truncate>
            {data.typeLabel}
          </Text>
        </Group>
        {status && (
          <Badge size="xs" color={status.color} c={status.text} variant="light" leftSection={<status.Icon size={12} aria-hidden />}>
            {status.label}
          </Badge>
        )}
      </Group>
      <Text size="sm" fw={600} lineClamp={2}>
        {data.title}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {description}
        </Text>
      )}
      {(data.errors || data.warnings) ? (
        <Group gap={4} mt={2}>
          {data.errors ? (
            <Badge size="xs" color="red.8" leftSection={<IconAlertTriangle size={11} aria-hidden />}>
              {data.errors} {data.errors === 1 ? "error" : "errors"}
            </Badge>
          ) : null}
          {data.warnings ? (
            <Badge size="xs" color="yellow" c="dark.7" variant="light">
              {data.warnings} {data.warnings === 1 ? "warning" : "warnings"}
            </Badge>
          ) : null}
        </Group>
      ) : null}
      {data.ports.length > 0 && (
        <div className="cf-ports" style={{ width: Math.max(data.ports.length * portWidth, 10) }}>
          {data.ports.map((port) => (
            <div key={port.name} className="cf-port" style={{ width: portWidth }}>
              <Handle
                type="source"
                position={Position.Bottom}
                id={port.name}
                data-testid={`port-${id}-${port.name}`}
                title={port.unknown ? `${port.name} (not an outcome of this activity)` : port.name}
                style={{ left: "50%", top: 0, bottom: "auto", transform: "translate(-50%, -50%)" }}
              />
              <span className={port.unknown ? "cf-port-label cf-port-unknown" : "cf-port-label"}>{port.unknown ? `⚠ ${port.name}` : port.name}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);

export const nodeTypes = { activity: ActivityNode };
