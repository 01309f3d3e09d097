import { useSearchParams } from "react-router";
import { organisationTimeZone } from "../../components/format";
import type { MetricQuery } from "./api";
import { periodProblems, periodQuery, type PeriodChoice, type PeriodPreset } from "./period";

/** The period, pathway and team the metrics are shown for, kept in the address so a view can be shared. */
export function useMetricFilters() {
  const [params, setParams] = useSearchParams();
  const presetParam = params.get("period");
  const preset: PeriodPreset = presetParam === "90" || presetParam === "custom" ? presetParam : "30";
  const choice: PeriodChoice = { preset, fromDate: params.get("from") ?? "", toDate: params.get("to") ?? "" };
  const problems = periodProblems(choice);
  const period = problems.from || problems.to ? null : periodQuery(choice, organisationTimeZone(), new Date());
  const pathway = params.get("pathway") ?? "";
  const team = params.get("team") ?? "";
  // The day, not the instant, keys the query: "last 30 days" asked twice in a day is the same question.
  const query: MetricQuery | null = period ? { ...period, pathway: pathway || undefined, team: team || undefined } : null;

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: false },
    );

  return { choice, problems, query, pathway, team, set };
}
