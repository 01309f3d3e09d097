import { Button, Checkbox, Group, Select } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { ClearFiltersButton, FilterDateInput, FilterSelect, FilterTextInput } from "../../components/filters/FilterControls";
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
  const narrowed = narrowingParamNames.some((name) => params.has(name));

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filter tasks">
      <FilterSelect label="Pathway" placeholder="Any pathway" data={pathways.options} value={params.get("pathway")} onChange={(value) => set("pathway", value)} searchable w={190} />
      <FilterSelect
        label="Priority"
        placeholder="Any priority"
        data={taskPriorities.map((p) => ({ value: p, label: p === "stat" || p === "asap" ? p.toUpperCase() : humanize(p) }))}
        value={params.get("priority")}
        onChange={(value) => set("priority", value)}
        w={130}
      />
      <FilterTextInput label="Patient" placeholder="MRN or id" value={params.get("patient") ?? ""} onCommit={(value) => set("patient", value)} w={130} />
      <FilterSelect label="Status" placeholder="Any open" data={taskStatuses.map((s) => ({ value: s, label: taskStatusLabel(s) }))} value={params.get("status")} onChange={(value) => set("status", value)} w={130} />
      <FilterDateInput label="Due before" value={params.get("dueBefore")} onChange={(value) => set("dueBefore", value)} title={`The start of that day in ${organisationTimeZone()}`} />
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
        <ClearFiltersButton
          onClick={() => {
            let next = params;
            for (const name of narrowingParamNames) next = withParam(next, name, null);
            onChange(next);
          }}
        />
      )}
      <Button variant="light" size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={onSave}>
        Save as filter…
      </Button>
    </Group>
  );
}
