import { DonutChart } from "@mantine/charts";
import type { MetricResult } from "../api";
import { formatPercent } from "../describe";
import { ChartFigure } from "./ChartFigure";
import { DataTable } from "../../../components/table/DataTable";

const outcomes = [
  { name: "approved", label: "Approved", color: "teal.8" },
  { name: "partial", label: "Partly approved", color: "yellow.7" },
  { name: "modified", label: "Modified", color: "orange.8" },
  { name: "denied", label: "Denied", color: "red.9" },
];

/** What payers decided, as shares of the requests decided in the period. */
export function OutcomeChart({ result }: { result: MetricResult }) {
  const rows = outcomes.map((o) => {
    const ratio = result.ratios.find((r) => r.name === o.name);
    return { ...o, count: ratio?.numerator ?? 0, of: ratio?.denominator ?? 0, rate: ratio?.rate ?? null };
  });
  const decided = rows[0]?.of ?? 0;
  return (
    <ChartFigure
      title="Decisions by outcome"
      empty={decided === 0 ? "No request was decided in this period." : null}
      chart={
        <DonutChart
          data={rows.filter((r) => r.count > 0).map((r) => ({ name: r.label, value: r.count, color: r.color }))}
          withLabels
          withLabelsLine
          chartLabel={`${decided} decided`}
          tooltipDataSource="segment"
          size={180}
          thickness={28}
          mx="auto"
          accessibilityLayer={false}
          pieProps={{ rootTabIndex: -1 }}
          valueFormatter={(value) => `${value} of ${decided} (${formatPercent(value / decided)})`}
        />
      }
      table={
        <DataTable
          striped
          withTableBorder
          caption={`Outcomes of the ${decided} requests decided in the period.`}
          rows={rows}
          rowKey={(r) => r.name}
          columns={[
            { rowHeader: true, key: "outcome", header: "Outcome", cell: (r) => r.label },
            { key: "count", header: "Requests", cell: (r) => r.count, align: "right" },
            { key: "share", header: "Share", cell: (r) => formatPercent(r.rate), align: "right" },
          ]}
        />
      }
    />
  );
}
