import { memo, useMemo, useState } from "react";
import { Accordion, Stack, Text, TextInput, Tooltip, UnstyledButton } from "@mantine/core";
import { IconGripVertical, IconSearch } from "@tabler/icons-react";
import type { ActivityDescriptor, DescriptorMap } from "../../components/flow/activityDescriptors";
import { toolboxDragType } from "./canvas/DesignerCanvas";

export interface ToolboxProps {
  descriptors: DescriptorMap;
  /** Adds an activity by click or keyboard: below the selected activity, connected to it, or in view. */
  onAdd(typeName: string): void;
  disabled?: boolean;
}

// Accordion values become element ids, which must not hold spaces.
const slug = (category: string) => category.toLowerCase().replace(/[^a-z0-9]+/g, "-");

const categoryOrder = ["Flow", "Care coordination", "Timers", "Events", "Tasks", "Primitives", "Composition"];

/** Activities by category, searchable; each can be dragged onto the canvas, or added with a click or Enter. */
export const Toolbox = memo(function Toolbox({ descriptors, onAdd, disabled }: ToolboxProps) {
  const [search, setSearch] = useState("");
  const groups = useMemo(() => {
    const term = search.trim().toLowerCase();
    const matches = [...descriptors.values()].filter(
      (d) => !term || d.displayName.toLowerCase().includes(term) || d.typeName.toLowerCase().includes(term) || d.description.toLowerCase().includes(term) || d.category.toLowerCase().includes(term),
    );
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const d of matches) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d]);
    const rank = (c: string) => (categoryOrder.indexOf(c) < 0 ? 99 : categoryOrder.indexOf(c));
    return [...byCategory].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([category, items]) => ({ category, items: items.sort((a, b) => a.displayName.localeCompare(b.displayName)) }));
  }, [descriptors, search]);
  const [open, setOpen] = useState<string[]>(() => categoryOrder.map(slug));
  const expanded = search.trim() ? groups.map((g) => slug(g.category)) : open;

  return (
    <Stack gap="xs" h="100%" component="section" aria-label="Toolbox" data-testid="toolbox">
      <Text fw={600} size="sm">
        Activities
      </Text>
      <TextInput
        size="xs"
        label="Search activities"
        placeholder="Name or category"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Text size="xs" c="dimmed">
        Drag onto the canvas, or press Enter to add below the selected activity.
      </Text>
      <div style={{ overflowY: "auto", flex: 1 }}>
        <Accordion multiple value={expanded} onChange={setOpen} variant="default" chevronPosition="left">
          {groups.map((group) => (
            <Accordion.Item key={group.category} value={slug(group.category)}>
              <Accordion.Control>
                <Text size="sm" fw={600}>
                  {group.category}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={2}>
                  {group.items.map((d) => (
                    <ToolboxItem key={d.typeName} descriptor={d} onAdd={onAdd} disabled={disabled} />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {groups.length === 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            No activity matches “{search}”.
          </Text>
        )}
      </div>
    </Stack>
  );
});

function ToolboxItem({ descriptor, onAdd, disabled }: { descriptor: ActivityDescriptor; onAdd(typeName: string): void; disabled?: boolean }) {
  return (
    <Tooltip label={descriptor.description} multiline w={260} openDelay={500} position="right">
      <UnstyledButton
        className="cf-toolbox-item"
        draggable={!disabled}
        disabled={disabled}
        data-testid={`toolbox-item-${descriptor.typeName}`}
        aria-label={`Add ${descriptor.displayName}`}
        onDragStart={(event) => {
          event.dataTransfer.setData(toolboxDragType, descriptor.typeName);
          event.dataTransfer.effectAllowed = "copy";
        }}
        onClick={() => onAdd(descriptor.typeName)}
      >
        <IconGripVertical size={14} aria-hidden />
        <span>{descriptor.displayName}</span>
      </UnstyledButton>
    </Tooltip>
  );
}
