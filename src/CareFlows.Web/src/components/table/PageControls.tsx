import { Group, Pagination, Select } from "@mantine/core";

interface PageControlsProps {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  pageSize: string;
  pageSizes: readonly string[];
  onPageSizeChange: (size: string) => void;
  /** What the list holds, in the plural ("tasks"): names the page-size choice. */
  noun: string;
}

/** Page links and how many rows a page holds, for the work lists people page through all day. */
export function PageControls({ page, pageCount, onPageChange, pageSize, pageSizes, onPageSizeChange, noun }: PageControlsProps) {
  return (
    <Group gap="xs">
      <Pagination total={pageCount} value={page} onChange={onPageChange} size="sm" getControlProps={(control) => ({ "aria-label": `${control} page` })} />
      <Select
        aria-label={`${noun[0].toUpperCase()}${noun.slice(1)} per page`}
        data={pageSizes.map((size) => ({ value: size, label: `${size} per page` }))}
        value={pageSize}
        onChange={(size) => size && onPageSizeChange(size)}
        allowDeselect={false}
        size="xs"
        w={120}
      />
    </Group>
  );
}
