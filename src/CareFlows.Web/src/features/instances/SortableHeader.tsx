import type { ReactNode } from "react";
import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";

export interface SortState {
  /** The sort in the address: a key, descending with a leading "-". */
  sort: string;
  onSort(sort: string): void;
}

interface SortableHeaderProps extends SortState {
  /** The server's sort key for this column. */
  column: string;
  /** The direction a first press sorts in: newest first suits times, A to Z suits names. */
  first: "ascending" | "descending";
  children: ReactNode;
}

/** A column header that sorts the list by its column, and says so to screen readers with aria-sort. */
export function SortableHeader({ column, first, sort, onSort, children }: SortableHeaderProps) {
  const direction = sort === column ? "ascending" : sort === `-${column}` ? "descending" : undefined;
  const next = (direction ?? (first === "ascending" ? "descending" : "ascending")) === "ascending" ? `-${column}` : column;
  const Icon = direction === "ascending" ? IconArrowUp : direction === "descending" ? IconArrowDown : IconSelector;
  return (
    <Table.Th scope="col" aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(next)} fz="sm" fw={700}>
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
