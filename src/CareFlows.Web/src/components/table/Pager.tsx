import { Box, Group, Pagination, Text } from "@mantine/core";

/** Page links under a server-paged list, with where in the list the page is. */
export function Pager({ page, pageSize, total, onChange, label }: { page: number; pageSize: number; total: number; onChange: (page: number) => void; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? `No ${label}` : `${first}–${last} of ${total} ${label}`}
      </Text>
      {pages > 1 && (
        <Box component="nav" aria-label={`Pages of ${label}`}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            getControlProps={(control) => ({ "aria-label": `${control[0].toUpperCase()}${control.slice(1)} page` })}
            getItemProps={(item) => ({ "aria-label": `Page ${item}`, "aria-current": item === page ? "page" : undefined })}
          />
        </Box>
      )}
    </Group>
  );
}
