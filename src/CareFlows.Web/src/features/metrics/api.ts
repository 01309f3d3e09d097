import { get } from "../../api/client";

/** The metrics API (Features/Metrics on the server): counts only; the items behind them, patient data, are read through items/itemsApi.ts. */

export interface MetricSummary {
  id: string;
  title: string;
  href: string;
}

export interface MetricRatio {
  name: string;
  numeratorDefinition: string;
  numerator: number;
  denominatorDefinition: string;
  denominator: number;
  /** Null when the denominator is empty. */
  rate: number | null;
}

export interface MetricMeasure {
  value: number | null;
  unit: string;
  definition: string;
}

export interface MetricRow {
  kind: string;
  key: string;
  values: Record<string, number | null>;
}

export interface MetricResult {
  metric: string;
  title: string;
  from: string;
  to: string;
  filters: Record<string, string | null>;
  population: string;
  ratios: MetricRatio[];
  measures: Record<string, MetricMeasure>;
  rows: MetricRow[];
}

export interface MetricQuery {
  from?: string;
  to?: string;
  pathway?: string;
  team?: string;
}

/** The metrics a pathway and a team narrow; the others count discharges, requests or referrals, and refuse both (400). */
export function narrowsByPathwayAndTeam(metric: string): boolean {
  return metric === "task-sla" || metric === "coordinator-workload";
}

export const metricKeys = {
  list: ["metrics"] as const,
  one: (id: string, query: MetricQuery) => ["metrics", id, query] as const,
};

export const metricsApi = {
  list: (signal?: AbortSignal) => get<MetricSummary[]>("/api/metrics", { signal }),
  one: (id: string, query: MetricQuery, signal?: AbortSignal) =>
    get<MetricResult>(`/api/metrics/${encodeURIComponent(id)}`, {
      query: narrowsByPathwayAndTeam(id) ? { ...query } : { from: query.from, to: query.to },
      signal,
    }),
};
