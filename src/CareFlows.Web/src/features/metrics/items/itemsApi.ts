import { get } from "../../../api/client";
import { narrowsByPathwayAndTeam, type MetricQuery } from "../api";

/** The items behind a metric's figure (`GET /api/metrics/{metric}/items`): patient data, for auditors and administrators. */

/** Which part of a ratio: those counted, all it is out of, or those out of it not counted. */
export type ItemSet = "numerator" | "denominator" | "missed";
export const itemSets: ItemSet[] = ["numerator", "denominator", "missed"];

export interface MetricItemField {
  name: string;
  label: string;
  /** `instant` or `date` for a time; the unit for a value. */
  kind: string;
}

export interface MetricItemPatient {
  id: string | null;
  mrn: string | null;
  name: string | null;
}

export interface MetricItem {
  instanceId: string;
  taskId: string | null;
  patient: MetricItemPatient | null;
  pathway: string;
  pathwayName: string | null;
  countedAt: string;
  detail: string | null;
  /** ISO instants or dates, by the page's `times` names. */
  times: Record<string, string | null>;
  value: number | null;
  met: boolean | null;
  inNumerator: boolean | null;
}

export interface MetricItemsPage {
  metric: string;
  figure: string;
  /** Null for a measure. */
  in: ItemSet | null;
  definition: string;
  from: string;
  to: string;
  countedAt: MetricItemField;
  times: MetricItemField[];
  value: MetricItemField | null;
  /** What `met` says, when the metric has a clock. */
  met: string | null;
  sorts: string[];
  sort: string;
  items: MetricItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MetricItemsQuery {
  figure: string;
  in?: ItemSet;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export const metricItemKeys = {
  page: (metric: string, period: MetricQuery, query: MetricItemsQuery) => ["metrics", metric, "items", period, query] as const,
};

export function fetchMetricItems(metric: string, period: MetricQuery, query: MetricItemsQuery, signal?: AbortSignal) {
  const filters = narrowsByPathwayAndTeam(metric) ? { ...period } : { from: period.from, to: period.to };
  return get<MetricItemsPage>(`/api/metrics/${encodeURIComponent(metric)}/items`, {
    query: { ...filters, ratio: query.figure, in: query.in, sort: query.sort, page: query.page, pageSize: query.pageSize },
    signal,
  });
}
