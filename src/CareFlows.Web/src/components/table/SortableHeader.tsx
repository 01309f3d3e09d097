import type { ReactNode } from "react";
import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";

export type SortDirection = "ascending" | "descending";

export interface SortableHeaderProps {
  children: ReactNode;
  /** How the list is sorted by this column, if it is. */
  direction?: SortDirection;
  /** Sorts by this column; without it the heading only says how the list is sorted. */
  onSort?: () => void;
  /** The direction pressing sorts in, for the button's name (when the heading is text). */
  next?: SortDirection;
  ta?: "right";
  nowrap?: boolean;
}

/**
 * A column heading that tells assistive technology how the list is sorted by it (aria-sort) and, where the list can
 * be sorted by it, is a button whose name says what pressing it will do. Every sortable list in the app uses it.
 */
export function SortableHeader({ children, direction, onSort, next, ta, nowrap }: SortableHeaderProps) {
  const Icon = !direction ? IconArrowsSort : direction === "ascending" ? IconArrowUp : IconArrowDown;
  const name = typeof children === "string" && next ? `${children}: sort ${next}` : undefined;
  return (
    <Table.Th scope="col" ta={ta} aria-sort={direction} style={nowrap ? { whiteSpace: "nowrap" } : undefined}>
      {onSort ? (
        <UnstyledButton onClick={onSort} aria-label={name} aria-pressed={name ? undefined : !!direction} fw={700} fz="inherit">
          <Group gap={4} wrap="nowrap">
            {children}
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      ) : (
        children
      )}
    </Table.Th>
  );
}

/**
 * A sort as the address writes it — a key, descending with a leading "-" — read for one column: how the list is
 * sorted by `key`, and the sort pressing its heading asks for (the other direction, or `first` when not sorted by it).
 */
export function signedSort(sort: string, key: string, first: SortDirection = "ascending") {
  const direction: SortDirection | undefined = sort === key ? "ascending" : sort === `-${key}` ? "descending" : undefined;
  const next: SortDirection = direction ? (direction === "ascending" ? "descending" : "ascending") : first;
  return { direction, next, sort: next === "ascending" ? key : `-${key}` };
}

export interface AddressSortHeaderProps {
  /** The server's sort key for this column. */
  column: string;
  /** The sort in force, as the address writes it. */
  sort: string;
  onSort(sort: string): void;
  /** The direction a first press sorts in: newest first suits times, A to Z suits names. */
  first?: SortDirection;
  children: ReactNode;
}

/** A sortable heading for a list whose sort lives in the address as a signed key (see {@link signedSort}). */
export function AddressSortHeader({ column, sort, onSort, first, children }: AddressSortHeaderProps) {
  const state = signedSort(sort, column, first);
  return (
    <SortableHeader direction={state.direction} next={state.next} onSort={() => onSort(state.sort)} nowrap>
      {children}
    </SortableHeader>
  );
}
