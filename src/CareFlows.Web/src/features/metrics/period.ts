import { dayjs } from "../../components/format";

export type PeriodPreset = "30" | "90" | "custom";

export interface PeriodChoice {
  preset: PeriodPreset;
  /** Local dates (YYYY-MM-DD) in the organisation's zone, for a custom period; both days included. */
  fromDate: string;
  toDate: string;
}

/** The longest period the server computes a metric over. */
export const maxPeriodDays = 366;

/**
 * The instants a period choice asks the server for. "Last 30 days" starts at midnight 30 days ago in the
 * organisation's zone and runs to now; a custom period runs from the first day's midnight to the midnight after the
 * last day, so both days count whole. Null when a custom period is not complete yet.
 */
export function periodQuery(choice: PeriodChoice, zone: string, now: Date = new Date()): { from: string; to?: string } | null {
  if (choice.preset !== "custom") {
    const today = dayjs(now).tz(zone).format("YYYY-MM-DD");
    return { from: midnight(addDays(today, -Number(choice.preset)), zone) };
  }
  if (!isDate(choice.fromDate) || !isDate(choice.toDate)) return null;
  return { from: midnight(choice.fromDate, zone), to: midnight(addDays(choice.toDate, 1), zone) };
}

// Days are counted on the calendar, then each midnight is found in the zone: counting in the zone would carry one
// side's UTC offset across a daylight-saving change and land an hour off midnight.
function addDays(date: string, days: number): string {
  return dayjs(date).add(days, "day").format("YYYY-MM-DD");
}

function midnight(date: string, zone: string): string {
  return dayjs.tz(date, zone).toISOString();
}

/** What is wrong with a custom period before asking the server, by field; empty when nothing is. */
export function periodProblems(choice: PeriodChoice): { from?: string; to?: string } {
  if (choice.preset !== "custom") return {};
  const problems: { from?: string; to?: string } = {};
  if (!isDate(choice.fromDate)) problems.from = "Enter the first day of the period.";
  if (!isDate(choice.toDate)) problems.to = "Enter the last day of the period.";
  if (problems.from || problems.to) return problems;
  const days = dayjs(choice.toDate).diff(dayjs(choice.fromDate), "day") + 1;
  if (days < 1) problems.to = "The last day must be on or after the first day.";
  else if (days > maxPeriodDays) problems.to = `A period covers at most ${maxPeriodDays} days.`;
  return problems;
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();
}
