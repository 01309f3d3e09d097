import { BarChart } from "@mantine/charts";
import type { MetricResult } from "../api";
import { ChartFigure } from "./ChartFigure";
import { DataTable } from "../../../components/table/DataTable";

const urgencies = [
  { key: "expedited", label: "Expedited (72-hour clock)" },
  { key: "standard", label: "Standard (7-day clock)" },
];
const stats = [
  { key: "Mean", label: "Mean", color: "blue.8" },
  { key: "Median", label: "Median", color: "teal.8" },
  { key: "P90", label: "90th percentile", color: "orange.8" },
];

const hours = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} h`);

/** The payer's time to decide, by urgency: mean, median and 90th percentile in hours. */
export function TurnaroundChart({ result }: { result: MetricResult }) {
  const data = urgencies.map((u) => ({
    urgency: u.label,
    ...Object.fromEntries(stats.map((s) => [s.key, result.measures[`${u.key}${s.key}Hours`]?.value ?? null])),
    decided: result.ratios.find((r) => r.name === `${u.key}WithinTimeframe`)?.denominator ?? 0,
  }));
  const nothing = data.every((d) => d.decided === 0);
  return (
    <ChartFigure
      title="Hours from submission to decision, by urgency"
      empty={nothing ? "No request was decided in this period." : null}
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="urgency"
          series={stats.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
          withLegend
          valueFormatter={(value) => hours(value)}
          accessibilityLayer={false}
          gridAxis="y"
        />
      }
      table={
        <DataTable
          striped
          withTableBorder
          caption="Hours from submission to the payer's decision, by urgency; — where no request of that urgency was decided."
          rows={data}
          rowKey={(d) => d.urgency}
          columns={[
            { rowHeader: true, key: "urgency", header: "Urgency", cell: (d) => d.urgency },
            { key: "decided", header: "Decided", cell: (d) => d.decided, align: "right" },
            ...stats.map((s) => ({ key: s.key, header: s.label, cell: (d: Record<string, unknown>) => hours(d[s.key] as number | null), align: "right" as const })),
          ]}
        />
      }
    />
  );
}
