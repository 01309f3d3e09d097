import { Badge } from "@mantine/core";

/** Colours with at least 4.5:1 contrast for badge text (see the inbox's TaskBadges for the darker tones). */
const colours: Record<string, string> = {
  Suspended: "blue.8",
  Executing: "teal.9",
  Pending: "gray.7",
  Finished: "#237032",
  Cancelled: "gray.7",
  Faulted: "red.9",
};

const labels: Record<string, string> = {
  Suspended: "Waiting",
  Executing: "Running",
  Pending: "Pending",
  Finished: "Finished",
  Cancelled: "Cancelled",
  Faulted: "Faulted",
};

/** The sub-status says more than Running/Finished: waiting, faulted, cancelled. */
export function InstanceStatusBadge({ status, subStatus }: { status: string; subStatus: string }) {
  return (
    <Badge color={colours[subStatus] ?? "gray.7"} variant="outline" size="sm" title={`${status} · ${subStatus}`}>
      {labels[subStatus] ?? subStatus}
    </Badge>
  );
}

export function IncidentBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge color="red.9" size="sm">
      {count} incident{count === 1 ? "" : "s"}
    </Badge>
  );
}
