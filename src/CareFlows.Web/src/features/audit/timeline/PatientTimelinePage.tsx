import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { FilterTextInput } from "../../../components/filters/FilterControls";
import { organisationTimeZone } from "../../../components/format";
import { auditKeys, fetchPatientTimeline } from "../auditApi";
import { auditSearchPath } from "../auditParams";
import { AuditTimeline } from "./AuditTimeline";

/** `/audit/patients?patient=Patient/p-100`: everything done for a patient, and everyone who read their data. */
export function PatientTimelinePage() {
  const [params, setParams] = useSearchParams();
  const patient = params.get("patient") ?? "";
  const timeline = useQuery({ queryKey: auditKeys.patientTimeline(patient), queryFn: () => fetchPatientTimeline(patient), enabled: !!patient });
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Patient timeline
      </Title>
      <Group align="flex-end" gap="md" role="search" aria-label="Choose the patient">
        <FilterTextInput
          label="Patient"
          description="Their id as tasks name it (Patient/p-100), or their MRN"
          value={patient}
          onCommit={(value) => setParams(value ? { patient: value } : {})}
          w={320}
        />
        {patient && (
          <Anchor component={Link} to={auditSearchPath({ patient })} size="sm">
            Their audit records
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        The journals and task histories of the patient's pathways and every audit record naming them, oldest first. Times in {organisationTimeZone()}.
      </Text>
      {patient ? <AuditTimeline timeline={timeline} label={patient} /> : <Text c="dimmed">Name a patient to see their timeline.</Text>}
    </Stack>
  );
}
