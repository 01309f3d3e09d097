import dayjs from "dayjs";
import utc from "dayjs/plugin/utc";
import timezone from "dayjs/plugin/timezone";
import relativeTime from "dayjs/plugin/relativeTime";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

let organisationZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The organisation's time zone, in which every date is shown (set from the server at sign-in). */
export function setOrganisationTimeZone(zone: string | undefined | null) {
  if (zone) organisationZone = zone;
}

export function organisationTimeZone() {
  return organisationZone;
}

/** `30 Nov 2026 14:05` in the organisation's zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).tz(organisationZone).format("D MMM YYYY HH:mm");
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).tz(organisationZone).format("D MMM YYYY");
}

/** `in 3 hours`, `2 days ago`. */
export function formatRelative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return "";
  return dayjs(value).from(now);
}

export { dayjs };
