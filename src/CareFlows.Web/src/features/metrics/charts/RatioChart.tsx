import { BarChart } from "@mantine/charts";
import type { MetricRatio } from "../api";
import { formatPercent } from "../describe";
import { ChartFigure } from "./ChartFigure";
import { ChartTooltipBox } from "./ChartTooltipBox";
import { DataTable } from "../../../components/table/DataTable";

interface Bar {
  label: string;
  percent: number;
  ratio: MetricRatio;
}

/** Rates as bars from 0 to 100%, each with its count of its denominator on hover and in the table. */
export function RatioChart({ title, ratios, label, height = 60 }: { title: string; ratios: MetricRatio[]; label: (name: string) => string; height?: number }) {
  const bars: Bar[] = ratios.map((ratio) => ({ label: label(ratio.name), percent: ratio.rate === null ? 0 : Math.round(ratio.rate * 1000) / 10, ratio }));
  const nothing = ratios.every((r) => r.denominator === 0);
  return (
    <ChartFigure
      title={title}
      empty={nothing ? "Nothing was counted in this period, so there is no rate." : null}
      chart={
        <BarChart
          h={Math.max(120, bars.length * height)}
          data={bars}
          dataKey="label"
          orientation="vertical"
          series={[{ name: "percent", label: "Rate", color: "blue.8" }]}
          yAxisProps={{ width: 220 }}
          xAxisProps={{ domain: [0, 100], tickFormatter: (value: number) => `${value}%` }}
          withBarValueLabel
          maxBarWidth={28}
          barChartProps={{ margin: { right: 48 } }}
          valueFormatter={(value) => `${value}%`}
          accessibilityLayer={false}
          gridAxis="x"
          tooltipProps={{
            content: ({ payload }) => {
              const bar = payload?.[0]?.payload as Bar | undefined;
              if (!bar) return null;
              return <ChartTooltipBox title={bar.label} lines={[rateLine(bar.ratio)]} />;
            },
          }}
        />
      }
      table={
        <DataTable
          striped
          withTableBorder
          caption={`${title}: each rate with its numerator and denominator.`}
          rows={ratios}
          rowKey={(r) => r.name}
          columns={[
            { rowHeader: true, key: "name", header: "Measure", cell: (r) => label(r.name) },
            { key: "rate", header: "Rate", cell: (r) => formatPercent(r.rate), align: "right" },
            { key: "numerator", header: "Counted", cell: (r) => r.numerator, align: "right" },
            { key: "denominator", header: "Of", cell: (r) => r.denominator, align: "right" },
          ]}
        />
      }
    />
  );
}

function rateLine(ratio: MetricRatio): string {
  return ratio.denominator === 0 ? "Nothing to count" : `${formatPercent(ratio.rate)} — ${ratio.numerator} of ${ratio.denominator}`;
}
