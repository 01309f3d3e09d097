/**
 * How each metric the server knows is shown: a short heading and a name for each of its figures. A metric the page
 * does not know yet still shows, with the server's own names.
 */
export interface MetricPresentation {
  heading: string;
  ratios: Record<string, string>;
  measures: Record<string, string>;
  /** Names of a breakdown row's kinds and values. */
  rowKinds?: Record<string, string>;
  rowValues?: Record<string, string>;
}

export const presentations: Record<string, MetricPresentation> = {
  "tcm-contact": {
    heading: "TCM contact within 2 business days",
    ratios: { contactRate: "Interactive contact by the deadline", attemptComplianceRate: "Contact, or 2 documented attempts, by the deadline" },
    measures: { medianHoursToFirstAttempt: "Median time to first attempt" },
  },
  "tcm-face-to-face": {
    heading: "TCM face-to-face visit",
    ratios: { faceToFaceRate: "Visit held by day 7 or 14", medicationReconciliationRate: "Medications reconciled by the visit" },
    measures: {},
  },
  "pa-turnaround": {
    heading: "Prior authorization turnaround",
    ratios: { expeditedWithinTimeframe: "Expedited decided within 72 hours", standardWithinTimeframe: "Standard decided within 7 days" },
    measures: {
      expeditedMeanHours: "Expedited, mean",
      expeditedMedianHours: "Expedited, median",
      expeditedP90Hours: "Expedited, 90th percentile",
      standardMeanHours: "Standard, mean",
      standardMedianHours: "Standard, median",
      standardP90Hours: "Standard, 90th percentile",
      extended: "Decided after an extension",
    },
  },
  "pa-outcomes": {
    heading: "Prior authorization outcomes",
    ratios: {
      approved: "Approved",
      partial: "Partly approved",
      modified: "Modified",
      denied: "Denied",
      pendedFirst: "Pended for information first",
      firstPass: "Decided first time",
      appealed: "Appealed, of those denied or partly approved",
    },
    measures: {},
  },
  "referral-loop-closure": {
    heading: "Referral loop closure",
    ratios: { loopClosureRate: "Loop closed (report received and linked)", cancelledRate: "Cancelled" },
    measures: {
      medianDaysToClose: "Median time to close",
      p90DaysToClose: "90th percentile time to close",
      openLoops: "Open loops now",
      medianOpenAgeDays: "Median age of the open loops",
    },
  },
  "task-sla": {
    heading: "Task deadline breaches",
    ratios: { breachRate: "Breached" },
    measures: {},
    rowKinds: { priority: "By priority", pathway: "By pathway" },
    rowValues: { due: "Due", breached: "Breached" },
  },
  "coordinator-workload": {
    heading: "Coordinator workload",
    ratios: {},
    measures: { openHeld: "Open tasks held by coordinators", unassigned: "Waiting in team queues", completed: "Completed in the period" },
    rowKinds: { coordinator: "By coordinator", queue: "By team queue" },
    rowValues: {
      open: "Open",
      overdue: "Overdue",
      priorityWeightedLoad: "Priority-weighted load",
      completedPerDay: "Completed per day",
      unassigned: "Waiting",
      meanAgeHours: "Mean age (hours)",
    },
  },
};

export function presentationOf(metric: string, title: string): MetricPresentation {
  return presentations[metric] ?? { heading: title, ratios: {}, measures: {} };
}

export const ratioLabel = (p: MetricPresentation, name: string) => p.ratios[name] ?? name;
export const measureLabel = (p: MetricPresentation, name: string) => p.measures[name] ?? name;
export const rowKindLabel = (p: MetricPresentation, kind: string) => p.rowKinds?.[kind] ?? kind;
export const rowValueLabel = (p: MetricPresentation, value: string) => p.rowValues?.[value] ?? value;

/** Priorities in their order of urgency, as the server names them. */
export const priorityOrder = ["stat", "asap", "urgent", "routine"];
