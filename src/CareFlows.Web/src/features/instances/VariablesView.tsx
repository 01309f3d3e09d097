import { useMemo } from "react";
import { Code, Group, Stack, Text, Tree, getTreeExpandedState, useTree, type TreeNodeData } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";

function preview(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? "" : "s"}]`;
  if (typeof value === "object") return `{${Object.keys(value as object).length} field${Object.keys(value as object).length === 1 ? "" : "s"}}`;
  return JSON.stringify(value);
}

/** Turns JSON into tree nodes, each labelled `key: value` (or its size, for objects and lists). */
export function toTreeData(value: unknown, path = "$"): TreeNodeData[] {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : value && typeof value === "object" ? Object.entries(value) : [];
  return entries.map(([key, child]) => {
    const childPath = `${path}.${key}`;
    const nested = child !== null && typeof child === "object";
    return {
      value: childPath,
      label: `${key}: ${preview(child)}`,
      children: nested ? toTreeData(child, childPath) : undefined,
    };
  });
}

/** An instance's variables (or input, output) as a read-only JSON tree: top level open, the rest a click or Space away. */
export function VariablesView({ value, label }: { value: Record<string, unknown>; label: string }) {
  const data = useMemo(() => toTreeData(value), [value]);
  const tree = useTree({ initialExpandedState: getTreeExpandedState(data, []) });
  if (data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No {label.toLowerCase()}.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Tree
        data={data}
        tree={tree}
        aria-label={label}
        levelOffset="md"
        withLines
        renderNode={({ node, expanded, hasChildren, elementProps }) => {
          const [key, ...rest] = String(node.label).split(": ");
          return (
            <Group gap={4} wrap="nowrap" {...elementProps}>
              {hasChildren ? (expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />) : <span style={{ width: 14 }} />}
              <Text size="sm" fw={600} component="span">
                {key}
              </Text>
              <Code>{rest.join(": ")}</Code>
            </Group>
          );
        }}
      />
    </Stack>
  );
}
