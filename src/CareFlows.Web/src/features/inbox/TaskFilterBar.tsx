import { useEffect, useState } from "react";
import { Button, Checkbox, Group, Select, TextInput } from "@mantine/core";
import { IconDeviceFloppy, IconFilterOff } from "@tabler/icons-react";
import { organisationTimeZone } from "../../components/format";
import { narrowingParamNames, withParam } from "./inboxParams";
import { usePathwayChoices } from "./pathwayChoices";
import { taskStatusLabel } from "./TaskBadges";
import { humanize, taskPriorities, taskStatuses } from "./taskTypes";

interface TaskFilterBarProps {
  params: URLSearchParams;
  onChange(next: URLSearchParams): void;
  onSave(): void;
}

/** Narrows the queue; every choice goes into the address at once, so the view can be shared or saved. */
export function TaskFilterBar({ params, onChange, onSave }: TaskFilterBarProps) {
  const pathways = usePathwayChoices();
  const set = (name: string, value: string | null) => onChange(withParam(params, name, value));
  // Typed until Enter or leaving the field; the address's value wins when it changes (back, a saved filter).
  const patientInAddress = params.get("patient") ?? "";
  const [patient, setPatient] = useState(patientInAddress);
  useEffect(() => setPatient(patientInAddress), [patientInAddress]);
  const narrowed = narrowingParamNames.some((name) => params.has(name));

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filter tasks">
      <Select
        label="Pathway"
        placeholder="Any pathway"
        data={pathways.options}
        value={params.get("pathway")}
        onChange={(value) => set("pathway", value)}
        clearable
        searchable
        size="xs"
        w={190}
      />
      <Select
        label="Priority"
        placeholder="Any priority"
        data={taskPriorities.map((p) => ({ value: p, label: p === "stat" || p === "asap" ? p.toUpperCase() : humanize(p) }))}
        value={params.get("priority")}
        onChange={(value) => set("priority", value)}
        clearable
        size="xs"
        w={130}
      />
      <TextInput
        label="Patient"
        placeholder="MRN or id"
        value={patient}
        onChange={(e) => setPatient(e.currentTarget.value)}
        onBlur={() => patient.trim() !== patientInAddress && set("patient", patient.trim())}
        onKeyDown={(e) => {
          if (e.key === "Enter") set("patient", patient.trim());
        }}
        size="xs"
        w={130}
      />
      <Select
        label="Status"
        placeholder="Any open"
        data={taskStatuses.map((s) => ({ value: s, label: taskStatusLabel(s) }))}
        value={params.get("status")}
        onChange={(value) => set("status", value)}
        clearable
        size="xs"
        w={130}
      />
      <TextInput
        label="Due before"
        type="date"
        value={params.get("dueBefore") ?? ""}
        onChange={(e) => set("dueBefore", e.currentTarget.value)}
        size="xs"
        w={140}
        title={`The start of that day in ${organisationTimeZone()}`}
      />
      <Checkbox label="Overdue only" checked={params.get("overdue") === "true"} onChange={(e) => set("overdue", e.currentTarget.checked ? "true" : null)} size="xs" mb={6} />
      <Checkbox label="Follow-up reached" checked={params.get("followUpReached") === "true"} onChange={(e) => set("followUpReached", e.currentTarget.checked ? "true" : null)} size="xs" mb={6} />
      <Select
        label="Sort by"
        data={[
          { value: "due", label: "Due (soonest first)" },
          { value: "priority", label: "Priority (highest first)" },
        ]}
        value={params.get("sort") ?? "due"}
        onChange={(value) => onChange(withParam(params, "sort", value === "due" ? null : value))}
        allowDeselect={false}
        size="xs"
        w={180}
      />
      {narrowed && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={() => {
            let next = params;
            for (const name of narrowingParamNames) next = withParam(next, name, null);
            onChange(next);
          }}
        >
          Clear filters
        </Button>
      )}
      <Button variant="light" size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={onSave}>
        Save as filter…
      </Button>
    </Group>
  );
}
