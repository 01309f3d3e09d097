import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";

/**
 * A column heading that sorts the list by `name`: the first press ascending, the next descending. The heading tells
 * assistive technology the current order (aria-sort); the button's name says what pressing it will do.
 */
export function SortableHeader({ name, label, sort, onSort }: { name: string; label: string; sort: string; onSort(sort: string): void }) {
  const ascending = sort === name;
  const descending = sort === `-${name}`;
  const Icon = ascending ? IconArrowUp : descending ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" aria-sort={ascending ? "ascending" : descending ? "descending" : undefined} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton onClick={() => onSort(ascending ? `-${name}` : name)} aria-label={`${label}: sort ${ascending ? "descending" : "ascending"}`} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
