import { Tooltip } from "@mantine/core";
import { formatDateTime, formatRelative, organisationTimeZone } from "./format";

/** A moment in the organisation's time zone, named, with the relative time on hover. */
export function DateTime({ value, relative = false }: { value: string | null | undefined; relative?: boolean }) {
  if (!value) return <span>—</span>;
  const absolute = `${formatDateTime(value)} (${organisationTimeZone()})`;
  return (
    <Tooltip label={relative ? absolute : formatRelative(value)}>
      <time dateTime={value}>{relative ? formatRelative(value) : formatDateTime(value)}</time>
    </Tooltip>
  );
}
