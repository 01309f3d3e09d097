import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { DateTime } from "../../components/DateTime";
import type { Incident } from "./instanceTypes";

export function IncidentsList({ incidents, activityName }: { incidents: Incident[]; activityName(id: string): string }) {
  if (incidents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No incidents.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {incidents.map((incident, index) => (
        <Alert key={`${incident.activityId}-${index}`} color="red" icon={<IconAlertTriangle aria-hidden />} title={`${activityName(incident.activityId)} (${incident.activityType})`}>
          <Text size="sm">{incident.message}</Text>
          <Text size="xs" c="dimmed">
            {incident.exceptionType}
            {incident.code ? ` · code ${incident.code}` : ""} · <DateTime value={incident.timestamp} />
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
