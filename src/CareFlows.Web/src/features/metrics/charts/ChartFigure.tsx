import { useId, useState, type ReactNode } from "react";
import { Box, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from "@mantine/core";

/**
 * One chart with its table. The chart is for the eye (values on hover); the table carries the same figures for
 * screen readers and for anyone who switches to it, so no figure is only in a picture.
 */
export function ChartFigure({
  title,
  chart,
  table,
  empty,
  initialView = "chart",
}: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  empty?: string | null;
  /** "table" when the bars would all be empty but the table still has something to say. */
  initialView?: "chart" | "table";
}) {
  const [view, setView] = useState<"chart" | "table">(initialView);
  const titleId = useId();
  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text component="figcaption" id={titleId} fw={600} size="sm">
            {title}
          </Text>
          {!empty && (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value as "chart" | "table")}
              data={[
                { value: "chart", label: "Chart" },
                { value: "table", label: "Table" },
              ]}
              aria-label={`Show ${title} as`}
            />
          )}
        </Group>
        {empty ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : view === "chart" ? (
          <>
            <div aria-hidden="true">{chart}</div>
            <VisuallyHidden>{table}</VisuallyHidden>
          </>
        ) : (
          <Table.ScrollContainer minWidth={360}>{table}</Table.ScrollContainer>
        )}
      </Stack>
    </Box>
  );
}
