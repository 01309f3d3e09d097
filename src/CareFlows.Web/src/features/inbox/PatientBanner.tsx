import { Group, Paper, Text } from "@mantine/core";
import { IconUser } from "@tabler/icons-react";
import { dayjs } from "../../components/format";

export interface BannerPatient {
  name?: string | null;
  birthDate?: string | null;
  mrn?: string | null;
  id?: string | null;
  sex?: string | null;
}

/** Whole years on `today` for a date of birth (`YYYY-MM-DD`), as a clinician reads an age. */
export function ageOn(birthDate: string, today: Date = new Date()): number | null {
  const born = dayjs(birthDate);
  if (!born.isValid()) return null;
  return dayjs(today).diff(born, "year");
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" c="dimmed" component="span">
        {label}
      </Text>
      <Text size="sm" fw={600} component="span">
        {value}
      </Text>
    </Group>
  );
}

/**
 * Who this work is for — name, date of birth, age, sex, MRN — kept in view on every page about one patient, so that
 * nobody acts on the wrong person. Shows what the record carries and says what it lacks.
 */
export function PatientBanner({ patient, stickyTop = "var(--app-shell-header-offset, 0px)" }: { patient: BannerPatient | null | undefined; stickyTop?: string | number | null }) {
  const style = stickyTop === null ? undefined : { position: "sticky" as const, top: stickyTop, zIndex: 3 };
  if (!patient) {
    return (
      <Paper withBorder p="xs" bg="gray.0" style={style} role="region" aria-label="Patient" data-testid="patient-banner">
        <Text size="sm" c="dimmed">
          No patient is recorded for this work.
        </Text>
      </Paper>
    );
  }
  const age = patient.birthDate ? ageOn(patient.birthDate) : null;
  return (
    <Paper withBorder p="xs" bg="blue.0" style={style} role="region" aria-label="Patient" data-testid="patient-banner">
      <Group gap="lg" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <IconUser size={18} aria-hidden />
          <Text fw={700} size="md" component="span">
            {patient.name ?? "Name not recorded"}
          </Text>
        </Group>
        <Item label="DOB" value={patient.birthDate ? dayjs(patient.birthDate).format("D MMM YYYY") : "not recorded"} />
        {age !== null && <Item label="Age" value={`${age} y`} />}
        {patient.sex && <Item label="Sex" value={patient.sex} />}
        <Item label="MRN" value={patient.mrn ?? patient.id ?? "not recorded"} />
      </Group>
    </Paper>
  );
}
