import type { MetricResult } from "../../../../src/features/metrics/api";
import type { MetricItem, MetricItemsPage } from "../../../../src/features/metrics/items/itemsApi";

export const auditor = { name: "auditor@careflows.local", roles: ["Auditor"], teams: [], userId: "a1", displayName: "Audrey", email: null, timeZone: "UTC" };
export const lead = { name: "lead@careflows.local", roles: ["ClinicalLead"], teams: [], userId: "l1", displayName: "Lee", email: null, timeZone: "UTC" };

export const contactMetric: MetricResult = {
  metric: "tcm-contact",
  title: "TCM interactive contact within 2 business days",
  from: "2026-10-01T00:00:00Z",
  to: "2026-11-01T00:00:00Z",
  filters: { pathway: null, team: null },
  population: "Discharge follow-ups of TCM-eligible discharges",
  ratios: [
    { name: "contactRate", numeratorDefinition: "a successful contact by the deadline", numerator: 41, denominatorDefinition: "eligible discharges", denominator: 50, rate: 0.82 },
  ],
  measures: { medianHoursToFirstAttempt: { value: 20, unit: "hours", definition: "from the discharge to the first attempt" } },
  rows: [],
};

export function anItem(overrides: Partial<MetricItem> = {}): MetricItem {
  return {
    instanceId: "i1",
    taskId: "t1",
    patient: { id: "Patient/1", mrn: "MRN-40101", name: "Ruth Adler" },
    pathway: "discharge-follow-up",
    pathwayName: "Discharge follow-up",
    countedAt: "2026-10-05T14:00:00Z",
    detail: "1 unsuccessful attempt by the deadline",
    times: { deadline: "2026-10-07T23:59:59Z", firstAttemptAt: "2026-10-06T09:00:00Z", contactedAt: null },
    value: null,
    met: false,
    inNumerator: false,
    ...overrides,
  };
}

export function aPage(overrides: Partial<MetricItemsPage> = {}): MetricItemsPage {
  return {
    metric: "tcm-contact",
    figure: "contactRate",
    in: "missed",
    definition: "eligible discharges, but not a successful contact by the deadline",
    from: contactMetric.from,
    to: contactMetric.to,
    countedAt: { name: "dischargedAt", label: "Discharged", kind: "instant" },
    times: [
      { name: "deadline", label: "Contact deadline", kind: "instant" },
      { name: "firstAttemptAt", label: "First attempt", kind: "instant" },
      { name: "contactedAt", label: "Contacted", kind: "instant" },
    ],
    value: null,
    met: "contacted by the deadline",
    sorts: ["counted", "patient", "value", "met", "deadline", "firstAttemptAt", "contactedAt"],
    sort: "counted",
    items: [anItem()],
    total: 9,
    page: 1,
    pageSize: 50,
    ...overrides,
  };
}
