import { useEffect, useState } from "react";
import { Group, TextInput } from "@mantine/core";
import { ClearFiltersButton, FilterSelect, FilterTextInput } from "../../components/filters/FilterControls";
import { organisationTimeZone } from "../../components/format";
import { PersonPicker } from "../inbox/PersonPicker";
import { auditFilterNames } from "./auditParams";
import { actionNames, actorTypes, type AuditAction } from "./auditTypes";

const actorTypeChoices = actorTypes.map((type) => ({ value: type, label: type[0].toUpperCase() + type.slice(1) }));
const actionChoices = (Object.keys(actionNames) as AuditAction[]).map((code) => ({ value: code, label: `${code} — ${actionNames[code]}` }));
const outcomeChoices = [
  { value: "denied", label: "Denied" },
  { value: "success", label: "Success" },
];
/** The kinds of entity the server records changes and reads of. */
const entityTypes = ["access-grant", "audit-log", "definition", "event", "instance", "patient", "saved-filter", "session", "task", "team", "user"];

interface AuditFiltersProps {
  params: URLSearchParams;
  onChange(changes: Record<string, string | null>): void;
  /** The server's refusal of the search, by the parameter it names. */
  errors: Record<string, string[]>;
}

/** Every filter of the audit search, each showing beside it what the server said was wrong with it. */
export function AuditFilters({ params, onChange, errors }: AuditFiltersProps) {
  const value = (name: string) => params.get(name) ?? "";
  const error = (name: string) => errors[name]?.join(" ");
  const text = (name: string) => ({ value: value(name), onCommit: (next: string) => onChange({ [name]: next }), error: error(name) });
  const select = (name: string) => ({ value: params.get(name), onChange: (next: string | null) => onChange({ [name]: next }), error: error(name) });
  const entityType = params.get("entityType");
  const entityChoices = entityType && !entityTypes.includes(entityType) ? [...entityTypes, entityType] : entityTypes;
  const zone = organisationTimeZone();
  const narrowed = auditFilterNames.some((name) => params.has(name));

  return (
    <Group gap="xs" align="flex-start" wrap="wrap" role="search" aria-label="Filter audit records">
      <TimeInput label="From" description={`At or after; ${zone}`} value={value("from")} onCommit={(next) => onChange({ from: next })} error={error("from")} />
      <TimeInput label="To" description={`Before; ${zone}`} value={value("to")} onCommit={(next) => onChange({ to: next })} error={error("to")} />
      <PersonPicker
        label="Actor"
        description={params.get("actor") ? `Id ${params.get("actor")}` : "Who did it (staff)"}
        value={params.get("actor")}
        onChange={(next) => onChange({ actor: next })}
        teams={[]}
        exclude={null}
        required={false}
        size="xs"
        w={220}
        error={error("actor")}
      />
      <FilterSelect label="Actor type" description="Person or program" placeholder="Any" data={actorTypeChoices} {...select("actorType")} w={130} />
      <FilterTextInput label="Patient" description="Id, e.g. Patient/p-100" placeholder="Any patient" {...text("patient")} w={170} />
      <FilterSelect label="Entity type" description="What it was done to" placeholder="Any" data={entityChoices} searchable {...select("entityType")} w={150} />
      <FilterTextInput label="Entity id" description="Exact" placeholder="Any" {...text("entityId")} w={170} />
      <FilterTextInput label="Operation" description="Exact, e.g. task.claim" placeholder="Any" {...text("operation")} w={170} />
      <FilterSelect label="Action" description="CRUD or execute" placeholder="Any" data={actionChoices} {...select("action")} w={130} />
      <FilterSelect label="Outcome" description="Refused or done" placeholder="Any" data={outcomeChoices} {...select("outcome")} w={120} />
      <FilterTextInput label="Correlation id" description="One request's records" placeholder="Any" {...text("correlationId")} w={180} />
      {params.has("instance") && <FilterTextInput label="Instance" description="Exact instance id" {...text("instance")} w={200} />}
      {params.has("definition") && <FilterTextInput label="Pathway" description="Exact definition id" {...text("definition")} w={180} />}
      {narrowed && (
        <Group pt={42}>
          <ClearFiltersButton onClick={() => onChange(Object.fromEntries(auditFilterNames.map((name) => [name, null])))} />
        </Group>
      )}
    </Group>
  );
}

/**
 * A moment to the minute, in the organisation's zone, applied when the field is left or Enter pressed (each keystroke
 * would otherwise search for a half-typed time).
 */
function TimeInput({ label, description, value, onCommit, error }: { label: string; description: string; value: string; onCommit(value: string): void; error?: string }) {
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={description}
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onBlur={() => typed !== value && onCommit(typed)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onCommit(typed);
      }}
      error={error}
      size="xs"
      w={200}
    />
  );
}
