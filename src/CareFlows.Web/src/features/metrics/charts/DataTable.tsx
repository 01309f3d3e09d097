import { Table, Text } from "@mantine/core";

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number;
  numeric?: boolean;
}

/**
 * The figures of a chart as a table: what a screen reader reads, and what anyone can switch to. It does not scroll by
 * itself: hidden, a scroll area would be a region no keyboard can reach; shown, the figure puts it in one.
 */
export function DataTable<T>({ caption, columns, rows, rowKey }: { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string }) {
  return (
    <Table striped withTableBorder>
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={column.key} scope="col" ta={column.numeric && index > 0 ? "right" : undefined}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <Table.Th key={column.key} scope="row" fw={500}>
                    {column.value(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.key} ta={column.numeric ? "right" : undefined}>
                    {column.value(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
    </Table>
  );
}
