import { useState } from "react";
import { Checkbox, Group, Input, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaVariable } from "../../../components/flow/elsa";
import { inputOf, structuredOf } from "../../../components/flow/inputValues";
import { setProperty } from "../model/document";
import { writeExpression, writeStructured } from "../model/inputWrite";
import { inputFieldId } from "../model/problemPaths";
import { CodeField } from "./CodeField";
import { humanize } from "./labels";
import { ExpressionField } from "./ExpressionField";
import type { ActivityUpdate } from "./InputEditor";
import { DateTimeOffsetInput, TimeSpanInput, describeTimeSpan } from "./literalInputs";

/** The HumanTask inputs this editor takes over from the generic list. */
export const dueInputs = ["dueIn", "dueInBusinessDays", "dueAt", "deadlines"];

type DueMode = "none" | "relative" | "business" | "absolute" | "script";

interface DueTimeEditorProps {
  activity: ElsaActivity;
  inputs: InputDescriptor[];
  variables: ElsaVariable[];
  update: ActivityUpdate;
  errors: Record<string, string | undefined>;
}

function modeOf(activity: ElsaActivity): DueMode {
  const at = inputOf(activity, "dueAt");
  if (at) return at.syntax === "Literal" ? "absolute" : "script";
  const days = inputOf(activity, "dueInBusinessDays");
  if (days) return days.syntax === "Literal" ? "business" : "script";
  const dueIn = inputOf(activity, "dueIn");
  if (dueIn) return dueIn.syntax === "Literal" ? "relative" : "script";
  return "none";
}

/**
 * When the task is due — after a time, after a number of business days on the organisation's calendar, at a fixed
 * moment, or computed by a script — and its two deadlines: not started (nobody claimed it in time) and not completed
 * (not done by its due time), each with its escalation and the port the flow continues from.
 */
export function DueTimeEditor({ activity, inputs, variables, update, errors }: DueTimeEditorProps) {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const dueIn = byName.get("dueIn")!;
  const businessDays = byName.get("dueInBusinessDays")!;
  const dueAt = byName.get("dueAt")!;
  const [mode, setMode] = useState<DueMode>(() => modeOf(activity));
  const coalesce = (name: string) => `${activity.id}:${name}`;
  const clearDue = (a: ElsaActivity) => setProperty(setProperty(setProperty(a, "dueIn", undefined), "dueInBusinessDays", undefined), "dueAt", undefined);

  const changeMode = (next: string) => {
    const m = next as DueMode;
    setMode(m);
    update((a) => {
      const cleared = clearDue(a);
      if (m === "relative") return writeExpression(cleared, dueIn, "Literal", "1.00:00:00");
      if (m === "business") return writeExpression(cleared, businessDays, "Literal", 2);
      return cleared;
    }, coalesce("due-mode"));
  };

  const days = inputOf(activity, "dueInBusinessDays");
  const scriptInput = inputOf(activity, "dueInBusinessDays")?.syntax !== "Literal" && days ? businessDays : inputOf(activity, "dueIn") && inputOf(activity, "dueIn")?.syntax !== "Literal" ? dueIn : dueAt;

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${activity.id}-due-label`} data-testid="due-time-editor">
      <Input.Label id={`${activity.id}-due-label`}>Due</Input.Label>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="How the due time is set"
        value={mode}
        onChange={changeMode}
        data={[
          { value: "none", label: "No due time" },
          { value: "relative", label: "After" },
          { value: "business", label: "Business days" },
          { value: "absolute", label: "At" },
          { value: "script", label: "Script" },
        ]}
      />
      {mode === "relative" && (
        <TimeSpanInput
          id={inputFieldId(activity.id, "dueIn")}
          label="Due after"
          description={`${describeTimeSpan(inputOf(activity, "dueIn")?.value)} after the task is created.`}
          value={inputOf(activity, "dueIn")?.value}
          error={errors.dueIn}
          onChange={(v) => update((a) => writeExpression(a, dueIn, "Literal", v), coalesce("dueIn"))}
        />
      )}
      {mode === "business" && (
        <NumberInput
          id={inputFieldId(activity.id, "dueInBusinessDays")}
          label="Due after business days"
          description="At the end of that business day on the organisation's calendar, skipping weekends and holidays."
          min={0}
          allowDecimal={false}
          value={typeof days?.value === "number" ? days.value : typeof days?.value === "string" ? Number(days.value) : ""}
          error={errors.dueInBusinessDays}
          onChange={(v) => update((a) => writeExpression(a, businessDays, "Literal", v === "" ? undefined : Number(v)), coalesce("dueInBusinessDays"))}
        />
      )}
      {mode === "absolute" && (
        <DateTimeOffsetInput
          id={inputFieldId(activity.id, "dueAt")}
          label="Due at"
          value={inputOf(activity, "dueAt")?.value}
          error={errors.dueAt}
          onChange={(v) => update((a) => writeExpression(a, dueAt, "Literal", v), coalesce("dueAt"))}
        />
      )}
      {mode === "script" && (
        <ExpressionField
          id={inputFieldId(activity.id, scriptInput.name)}
          label={humanize(scriptInput.displayName)}
          description={scriptInput.description}
          error={errors[scriptInput.name]}
          stored={inputOf(activity, scriptInput.name)}
          defaultSyntax="JavaScript"
          syntaxes={["JavaScript", "Liquid", "Variable"]}
          variables={variables}
          literal={() => null}
          onWrite={(syntax, value) => update((a) => writeExpression(a, scriptInput, syntax, value), coalesce(scriptInput.name))}
        />
      )}
      <DeadlinesEditor activity={activity} input={byName.get("deadlines")!} update={update} error={errors.deadlines} />
    </Stack>
  );
}

type RawDeadline = Record<string, unknown> & { kind?: string; after?: string; businessDays?: number; at?: string; escalate?: Record<string, unknown>; port?: string };

const kinds = [
  { kind: "notStarted", title: "Not started", help: "Nobody claimed the task in time." },
  { kind: "notCompleted", title: "Not completed", help: "The task was not done in time (by default, by its due time)." },
] as const;

function DeadlinesEditor({ activity, input, update, error }: { activity: ElsaActivity; input: InputDescriptor; update: ActivityUpdate; error?: string }) {
  const id = inputFieldId(activity.id, "deadlines");
  const structured = structuredOf<RawDeadline[]>(activity.deadlines);
  const coalesce = `${activity.id}:deadlines`;
  if (structured.computed) {
    const stored = inputOf(activity, "deadlines");
    return (
      <Stack gap={4}>
        <Input.Label htmlFor={id}>Deadlines</Input.Label>
        <Text size="xs" c="dimmed">
          Computed by a {stored?.syntax} expression, so edited as code.
        </Text>
        <CodeField id={id} label="Deadlines" language="javascript" value={String(stored?.value ?? "")} error={error} onChange={(v) => update((a) => writeExpression(a, input, stored?.syntax ?? "JavaScript", v), coalesce)} />
      </Stack>
    );
  }
  const list: RawDeadline[] = Array.isArray(structured.value) ? structured.value : [];
  const write = (next: RawDeadline[], key: string) => update((a) => writeStructured(a, input, next.length ? next : null), key);

  return (
    <Stack gap="xs" data-testid="deadlines-editor">
      <Input.Label id={id} tabIndex={-1}>
        Deadlines
      </Input.Label>
      {error && <Input.Error>{error}</Input.Error>}
      {kinds.map(({ kind, title, help }) => {
        const index = list.findIndex((d) => d.kind === kind);
        const deadline = index >= 0 ? list[index] : undefined;
        const set = (patch: Partial<RawDeadline>, key: string) => {
          const merged: RawDeadline = { ...(deadline ?? { kind }), ...patch };
          for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
          const next = list.slice();
          if (index >= 0) next[index] = merged;
          else next.push(merged);
          write(next, `${coalesce}:${kind}:${key}`);
        };
        const when = deadline?.at !== undefined ? "at" : deadline?.businessDays !== undefined ? "businessDays" : deadline?.after !== undefined ? "after" : kind === "notCompleted" ? "due" : "after";
        const escalate = deadline?.escalate ?? {};
        const setEscalate = (patch: Record<string, unknown>, key: string) => {
          const next = { ...escalate, ...patch };
          for (const [k, v] of Object.entries(patch)) if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) delete next[k];
          set({ escalate: Object.keys(next).length ? next : undefined }, key);
        };
        const notify = Array.isArray(escalate.notify) ? (escalate.notify as string[]) : [];
        const prefix = `${id}-${kind}`;
        return (
          <Paper key={kind} withBorder p="xs" data-testid={`deadline-${kind}`}>
            <Stack gap={6}>
              <Switch
                id={`${prefix}-enabled`}
                label={`${title} deadline`}
                description={help}
                checked={!!deadline}
                onChange={(e) =>
                  e.currentTarget.checked
                    ? write([...list, kind === "notStarted" ? { kind, businessDays: 1 } : { kind }], `${coalesce}:${kind}:toggle`)
                    : write(list.filter((_, i) => i !== index), `${coalesce}:${kind}:toggle`)
                }
              />
              {deadline && (
                <>
                  <SegmentedControl
                    size="xs"
                    fullWidth
                    aria-label={`When the ${title.toLowerCase()} deadline passes`}
                    value={when}
                    onChange={(w) => {
                      const cleared = { after: undefined, businessDays: undefined, at: undefined };
                      if (w === "after") set({ ...cleared, after: "04:00:00" }, "when");
                      else if (w === "businessDays") set({ ...cleared, businessDays: 1 }, "when");
                      else if (w === "at") set({ ...cleared, at: undefined }, "when");
                      else set(cleared, "when");
                    }}
                    data={[
                      ...(kind === "notCompleted" ? [{ value: "due", label: "At due time" }] : []),
                      { value: "after", label: "After" },
                      { value: "businessDays", label: "Business days" },
                      { value: "at", label: "At" },
                    ]}
                  />
                  {when === "after" && (
                    <TimeSpanInput id={`${prefix}-after`} label="After the task is created" value={deadline.after} onChange={(v) => set({ after: v ?? undefined }, "after")} />
                  )}
                  {when === "businessDays" && (
                    <NumberInput id={`${prefix}-days`} size="xs" label="Business days after the task is created" min={0} allowDecimal={false} value={deadline.businessDays ?? ""} onChange={(v) => set({ businessDays: v === "" ? undefined : Number(v) }, "days")} />
                  )}
                  {when === "at" && <DateTimeOffsetInput id={`${prefix}-at`} label="At" value={deadline.at} onChange={(v) => set({ at: v ?? undefined }, "at")} />}
                  <Text size="xs" fw={600}>
                    Escalation
                  </Text>
                  <Group grow gap="xs" align="flex-start">
                    <TextInput size="xs" id={`${prefix}-reassign`} label="Reassign to team" placeholder="Team id" value={String(escalate.reassignTo ?? "")} onChange={(e) => setEscalate({ reassignTo: e.currentTarget.value }, "reassign")} />
                    <Select
                      size="xs"
                      id={`${prefix}-priority`}
                      label="Raise priority to"
                      placeholder="Keep it"
                      clearable
                      data={[
                        { value: "next", label: "The next level" },
                        { value: "urgent", label: "urgent" },
                        { value: "asap", label: "asap" },
                        { value: "stat", label: "stat" },
                      ]}
                      value={escalate.raisePriority === true ? "next" : typeof escalate.raisePriority === "string" ? escalate.raisePriority : null}
                      onChange={(v) => setEscalate({ raisePriority: v === "next" ? true : v ?? undefined }, "priority")}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Group>
                  <Checkbox.Group
                    id={`${prefix}-notify`}
                    label="Notify"
                    description="Nobody chosen: the person holding the task is told."
                    value={notify}
                    onChange={(v) => setEscalate({ notify: v }, "notify")}
                  >
                    <Group gap="md" mt={4}>
                      <Checkbox value="owner" label="The person holding it" />
                      <Checkbox value="team" label="The team it is now with" />
                    </Group>
                  </Checkbox.Group>
                  <Select
                    size="xs"
                    id={`${prefix}-port`}
                    label="Then the flow"
                    data={[
                      { value: "", label: "Waits on (only the escalation)" },
                      { value: "Overdue", label: "Continues from Overdue; the task stays open" },
                      { value: "Expired", label: "Continues from Expired; the task is cancelled" },
                    ]}
                    value={deadline.port ?? ""}
                    allowDeselect={false}
                    onChange={(v) => set({ port: v || undefined }, "port")}
                    comboboxProps={{ withinPortal: true }}
                  />
                </>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
