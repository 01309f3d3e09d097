import { Badge, Tooltip } from "@mantine/core";
import { IconAlertOctagon, IconBan } from "@tabler/icons-react";
import { emergencyPurpose } from "./auditTypes";

/** Refused requests stand out (word, icon and colour): an auditor looks for them first. */
export function OutcomeBadge({ outcome }: { outcome: string | null | undefined }) {
  if (!outcome) return null;
  return outcome === "denied" ? (
    <Badge color="red.9" variant="filled" size="sm" leftSection={<IconBan size={12} aria-hidden />} data-flag="denied">
      Denied
    </Badge>
  ) : (
    <Badge color="gray.7" variant="outline" size="sm">
      {outcome === "success" ? "Success" : outcome}
    </Badge>
  );
}

const purposeNames: Record<string, string> = {
  TREAT: "Treatment",
  ETREAT: "Emergency treatment (break-the-glass)",
  HOPERAT: "Healthcare operations",
  HSYSADMIN: "System administration",
};

/** Why the actor acted; break-the-glass (ETREAT) flagged, since every such read is to be reviewed. */
export function PurposeBadge({ purpose, reason }: { purpose: string | null | undefined; reason?: string | null }) {
  if (!purpose) return <>—</>;
  const emergency = purpose === emergencyPurpose;
  const name = purposeNames[purpose] ?? purpose;
  return (
    <Tooltip label={reason ? `${name}: “${reason}”` : name} multiline maw={360}>
      <Badge
        color={emergency ? "orange.9" : "gray.7"}
        variant={emergency ? "filled" : "light"}
        size="sm"
        leftSection={emergency ? <IconAlertOctagon size={12} aria-hidden /> : undefined}
        data-flag={emergency ? "emergency" : undefined}
        tabIndex={0}
      >
        {emergency ? `Break-glass (${purpose})` : purpose}
      </Badge>
    </Tooltip>
  );
}

export const sourceNames = { journal: "Engine", task: "Task", audit: "Audit" } as const;
const sourceColors = { journal: "violet.8", task: "blue.8", audit: "gray.8" } as const;

/** Where a timeline entry comes from: the engine's journal, a task's history or the audit log. */
export function SourceBadge({ source }: { source: keyof typeof sourceNames }) {
  return (
    <Badge color={sourceColors[source] ?? "gray.7"} variant="light" size="sm" w={72}>
      {sourceNames[source] ?? source}
    </Badge>
  );
}
