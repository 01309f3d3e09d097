import { dayjs } from "../../components/format";
import type { MetricMeasure, MetricRatio } from "./api";

/**
 * The words that make a chart trustworthy (Grafana-style): what share of whom, counted how, over which period. Built
 * from the server's own definitions, so the page never claims more than the server computed.
 */

export function formatPercent(rate: number | null): string {
  if (rate === null) return "no rate";
  const percent = rate * 100;
  return `${percent.toLocaleString("en-GB", { maximumFractionDigits: percent > 0 && percent < 10 ? 1 : 0 })}%`;
}

/** `50%: 1 of 2 requests decided in the period — decided approved.` */
export function ratioSentence(ratio: MetricRatio): string {
  if (ratio.denominator === 0) return `No rate: there were no ${ratio.denominatorDefinition}.`;
  return `${formatPercent(ratio.rate)}: ${ratio.numerator} of ${ratio.denominator} ${ratio.denominatorDefinition} — ${ratio.numeratorDefinition}.`;
}

export function formatMeasure(measure: MetricMeasure): string {
  if (measure.value === null) return "not measured";
  const value = measure.value.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  return `${value} ${measure.value === 1 ? singular(measure.unit) : measure.unit}`;
}

/** `Median hours to first attempt: 24 hours — from the discharge time to the first logged attempt…` */
export function measureSentence(label: string, measure: MetricMeasure): string {
  if (measure.value === null) return `${label}: not measured, as there was nothing to measure — ${measure.definition}.`;
  return `${label}: ${formatMeasure(measure)} — ${measure.definition}.`;
}

/** `1 Nov 2026 00:00 to 30 Nov 2026 14:05 (America/New_York)`; the end is when counting stopped, not a day included. */
export function periodText(from: string, to: string, zone: string): string {
  const at = (value: string) => dayjs(value).tz(zone).format("D MMM YYYY HH:mm");
  return `${at(from)} to ${at(to)} (${zone})`;
}

/** Which pathway and team a metric was narrowed to, by name where known. */
export function filtersText(filters: Record<string, string | null>, names: { pathway?: (id: string) => string; team?: (id: string) => string } = {}): string {
  const parts: string[] = [];
  if (filters.pathway) parts.push(`pathway ${names.pathway?.(filters.pathway) ?? filters.pathway}`);
  if (filters.team) parts.push(`team ${names.team?.(filters.team) ?? filters.team}`);
  return parts.length === 0 ? "all pathways and teams" : parts.join(", ");
}

function singular(unit: string): string {
  return unit.endsWith("s") ? unit.slice(0, -1) : unit;
}
