import { Stack } from "@mantine/core";
import type { MetricResult } from "../api";
import { priorityOrder, presentationOf, ratioLabel, rowValueLabel } from "../presentation";
import { OutcomeChart } from "./OutcomeChart";
import { RatioChart } from "./RatioChart";
import { RowsChart, type RowsChartProps } from "./RowsChart";
import { TurnaroundChart } from "./TurnaroundChart";

export interface Names {
  pathway: (id: string) => string;
  team: (id: string) => string;
  coordinator: (id: string) => string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The charts that suit each metric; a metric the page does not know shows its rates. */
export function MetricVisuals({ result, names, detailed = false }: { result: MetricResult; names: Names; detailed?: boolean }) {
  const p = presentationOf(result.metric, result.title);
  const label = (name: string) => ratioLabel(p, name);
  const rows = (kind: string) => result.rows.filter((r) => r.kind === kind);
  // Every breakdown of this metric counts the same values, labelled the metric's way.
  const breakdown = (props: Omit<RowsChartProps, "valueLabel">) => <RowsChart key={props.title} valueLabel={(v) => rowValueLabel(p, v)} {...props} />;

  switch (result.metric) {
    case "pa-turnaround":
      return (
        <Stack>
          <TurnaroundChart result={result} />
          {detailed && <RatioChart title="Decided within the payer's timeframe" ratios={result.ratios} label={label} />}
        </Stack>
      );
    case "pa-outcomes":
      return (
        <Stack>
          <OutcomeChart result={result} />
          {detailed && (
            <RatioChart title="Pends, first-pass decisions and appeals" ratios={result.ratios.filter((r) => ["pendedFirst", "firstPass", "appealed"].includes(r.name))} label={label} />
          )}
        </Stack>
      );
    case "task-sla": {
      const byPriority = [...rows("priority")].sort((a, b) => priorityOrder.indexOf(a.key) - priorityOrder.indexOf(b.key));
      return (
        <Stack>
          <RatioChart title="Breach rate" ratios={result.ratios} label={label} />
          {breakdown({ title: "Due and breached, by priority", rows: byPriority, charted: ["due", "breached"], keyLabel: capitalised, keyHeading: "Priority", caption: "Tasks due in the period and how many of them breached, by priority.", empty: "No task was due in this period." })}
          {detailed &&
            breakdown({ title: "Due and breached, by pathway", rows: rows("pathway"), charted: ["due", "breached"], keyLabel: names.pathway, keyHeading: "Pathway", caption: "Tasks due in the period and how many of them breached, by pathway.", empty: "No task was due in this period." })}
        </Stack>
      );
    }
    case "coordinator-workload":
      return (
        <Stack>
          {breakdown({
            title: "Open and overdue tasks, by coordinator",
            rows: rows("coordinator"),
            charted: ["open", "overdue"],
            keyLabel: names.coordinator,
            keyHeading: "Coordinator",
            caption: "Tasks each coordinator holds now, how many are overdue, their priority-weighted load, and tasks completed per day over the period.",
            empty: "No coordinator holds a task or completed one in this period.",
          })}
          {breakdown({
            title: "Waiting and overdue tasks, by team queue",
            rows: rows("queue"),
            charted: ["unassigned", "overdue"],
            keyLabel: names.team,
            keyHeading: "Team queue",
            caption: "Open tasks waiting unassigned in each team's queue now, how many are overdue, and their mean age in hours.",
            empty: "No task is waiting in a team queue.",
          })}
        </Stack>
      );
    default:
      return <RatioChart title={p.heading} ratios={result.ratios} label={label} />;
  }
}
