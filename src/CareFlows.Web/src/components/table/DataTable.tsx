import type { CSSProperties, ReactNode } from "react";
import { Table, Text, type TableProps } from "@mantine/core";
import { SortableHeader, type SortDirection } from "./SortableHeader";

export type { SortDirection } from "./SortableHeader";

export interface DataColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names its row, read by screen readers as the row's header. */
  rowHeader?: boolean;
  align?: "right";
  nowrap?: boolean;
  style?: CSSProperties;
  /** The name the server sorts by for this column, when the list can be sorted by it. */
  sort?: string;
}

export interface TableSort {
  /** The sort in force, by a column's `sort` name. */
  by: string;
  direction: SortDirection;
  /** Absent when the order is fixed: the header then only says how the list is sorted. */
  onSort?: (by: string) => void;
}

export interface DataTableProps<T> extends Omit<TableProps, "children" | "data"> {
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Shown above the table and names it; without one, `label` must. */
  caption?: ReactNode;
  label?: string;
  /** Scrolls sideways below this width rather than squeezing the columns. */
  minWidth?: number;
  sort?: TableSort;
  rowProps?: (row: T) => Record<string, unknown>;
  /** A row that cannot be shown by its columns (still loading, refused) as one cell across them all. */
  wholeRow?: (row: T) => ReactNode | undefined;
}

/** A table of rows under column headers; every list in the app shows through it, so they read and sort alike. */
export function DataTable<T>({ columns, rows, rowKey, caption, label, minWidth, sort, rowProps, wholeRow, className, ...tableProps }: DataTableProps<T>) {
  const table = (
    <Table aria-label={caption ? undefined : label} className={className ? `data-table ${className}` : "data-table"} {...tableProps}>
      {caption && (
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
      )}
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <SortableHeader
              key={column.key}
              ta={column.align}
              direction={sort && column.sort === sort.by ? sort.direction : undefined}
              onSort={sort?.onSort && column.sort ? () => sort.onSort!(column.sort!) : undefined}
            >
              {column.header}
            </SortableHeader>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const whole = wholeRow?.(row);
          return (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {whole !== undefined ? <Table.Td colSpan={columns.length}>{whole}</Table.Td> : columns.map((column) => <Cell key={column.key} column={column} row={row} />)}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}

function Cell<T>({ column, row }: { column: DataColumn<T>; row: T }) {
  const style = column.nowrap ? { whiteSpace: "nowrap" as const, ...column.style } : column.style;
  return column.rowHeader ? (
    <Table.Th scope="row" fw={500} ta={column.align} style={style}>
      {column.cell(row)}
    </Table.Th>
  ) : (
    <Table.Td ta={column.align} style={style}>
      {column.cell(row)}
    </Table.Td>
  );
}
