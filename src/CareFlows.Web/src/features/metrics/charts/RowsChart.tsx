import { BarChart } from "@mantine/charts";
import type { MetricRow } from "../api";
import { ChartFigure } from "./ChartFigure";
import { DataTable } from "../../../components/table/DataTable";

const colors = ["blue.8", "red.9", "teal.8", "orange.8"];

const number = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toLocaleString("en-GB", { maximumFractionDigits: 2 }));

export interface RowsChartProps {
  title: string;
  rows: MetricRow[];
  /** The values drawn as bars; the table shows all. */
  charted: string[];
  valueLabel: (value: string) => string;
  keyLabel: (key: string) => string;
  keyHeading: string;
  caption: string;
  empty: string;
}

/**
 * One kind of a metric's breakdown (per priority, per coordinator…) as grouped bars of the figures that share a unit,
 * with every figure of the row in the table.
 */
export function RowsChart({ title, rows, charted, valueLabel, keyLabel, keyHeading, caption, empty }: RowsChartProps) {
  const valueNames = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const data = rows.map((row) => ({ key: keyLabel(row.key), ...Object.fromEntries(charted.map((name) => [name, row.values[name] ?? 0])) }));
  // Bars of nothing but zeros say less than the table, which has the row's other figures too.
  const nothingCharted = rows.every((row) => charted.every((name) => !row.values[name]));
  return (
    <ChartFigure
      title={title}
      empty={rows.length === 0 ? empty : null}
      initialView={nothingCharted ? "table" : "chart"}
      chart={
        <BarChart
          h={Math.max(160, rows.length * 44 + 60)}
          data={data}
          dataKey="key"
          orientation="vertical"
          yAxisProps={{ width: 200 }}
          series={charted.map((name, index) => ({ name, label: valueLabel(name), color: colors[index % colors.length] }))}
          withLegend
          maxBarWidth={18}
          valueFormatter={(value) => number(value)}
          accessibilityLayer={false}
          gridAxis="x"
        />
      }
      table={
        <DataTable
          striped
          withTableBorder
          caption={caption}
          rows={rows}
          rowKey={(r) => `${r.kind}:${r.key}`}
          columns={[
            { rowHeader: true, key: "key", header: keyHeading, cell: (r) => keyLabel(r.key) },
            ...valueNames.map((name) => ({ key: name, header: valueLabel(name), cell: (r: MetricRow) => number(r.values[name]), align: "right" as const })),
          ]}
        />
      }
    />
  );
}
