import { Paper, Text } from "@mantine/core";

/** A hover box listing exact figures, for tooltips whose numbers need more than the value (such as "3 of 8"). */
export function ChartTooltipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <Paper withBorder shadow="md" p="xs" maw={320}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Paper>
  );
}
