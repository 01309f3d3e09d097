import { Badge, Table, Text } from "@mantine/core";
import { diffJson, type FieldChange } from "./jsonDiff";

const changeBadges: Record<Exclude<FieldChange, "unchanged">, { label: string; color: string }> = {
  added: { label: "Added", color: "teal.9" },
  removed: { label: "Removed", color: "red.9" },
  changed: { label: "Changed", color: "orange.9" },
};
const rowColors: Record<FieldChange, string | undefined> = {
  added: "var(--mantine-color-teal-0)",
  removed: "var(--mantine-color-red-0)",
  changed: "var(--mantine-color-yellow-0)",
  unchanged: undefined,
};

/** The entity before and after a change side by side, field by field, the changed ones marked (in words as well as colour). */
export function JsonDiffView({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return (
      <Text size="sm" c="dimmed">
        This record holds no state before or after: nothing was changed, or only read.
      </Text>
    );
  }
  const rows = diffJson(before, after);
  const changed = rows.filter((row) => row.change !== "unchanged").length;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table fz="sm" verticalSpacing={4} withTableBorder withColumnBorders aria-label="Before and after" data-testid="json-diff">
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          {before === null || before === undefined
            ? "Created: there was nothing before."
            : after === null || after === undefined
              ? "Deleted: there is nothing after."
              : `${changed} of ${rows.length} field${rows.length === 1 ? "" : "s"} changed.`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
            <Table.Th scope="col">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.path} data-change={row.change} style={{ background: rowColors[row.change] }}>
              <Table.Th scope="row" ff="monospace" fw={row.change === "unchanged" ? 400 : 700}>
                {row.path}
              </Table.Th>
              <Table.Td ff="monospace" style={{ wordBreak: "break-all", textDecoration: row.change === "removed" || row.change === "changed" ? "line-through" : undefined }}>
                {row.before ?? "—"}
              </Table.Td>
              <Table.Td ff="monospace" style={{ wordBreak: "break-all" }} fw={row.change === "unchanged" ? 400 : 700}>
                {row.after ?? "—"}
              </Table.Td>
              <Table.Td>
                {row.change !== "unchanged" && (
                  <Badge size="sm" variant="outline" color={changeBadges[row.change].color}>
                    {changeBadges[row.change].label}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
