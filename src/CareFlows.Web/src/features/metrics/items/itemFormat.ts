import { dayjs, formatDateTime } from "../../../components/format";
import type { ItemSet, MetricItemField, MetricItemPatient } from "./itemsApi";

/** A time as the server sent it: an instant in the organisation's zone, or a date as it is (a date has no zone). */
export function formatItemTime(value: string | null | undefined, field: Pick<MetricItemField, "kind">): string {
  if (!value) return "—";
  return field.kind === "date" ? dayjs(value).format("D MMM YYYY") : formatDateTime(value);
}

export function formatItemValue(value: number | null, field: MetricItemField): string {
  if (value === null) return "—";
  return `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${field.kind}`;
}

export function patientText(patient: MetricItemPatient | null): string {
  return patient?.name || patient?.mrn || patient?.id || "Patient not recorded";
}

/** `missed` → what a reader calls that part of a ratio. */
export const setLabels: Record<ItemSet, string> = {
  numerator: "Counted",
  denominator: "All",
  missed: "Not counted",
};
