import { useEffect, useState } from "react";
import { Badge, Code, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import type { ActivityDescriptor, DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { renamePort, updateActivity, type Change } from "../model/document";
import { inputFieldId, type ValidationProblem } from "../model/problemPaths";
import { CommonTab } from "./CommonTab";
import { DueTimeEditor, dueInputs } from "./DueTimeEditor";
import { InfoTab } from "./InfoTab";
import { InputEditor } from "./InputEditor";
import { OutputsTab } from "./OutputsTab";

export interface FieldFocus {
  activityId: string;
  field?: string;
  nonce: number;
}

export interface PropertyPanelProps {
  activity: ElsaActivity;
  document: ElsaDefinition;
  descriptors: DescriptorMap;
  apply(change: Change, coalesce?: string): void;
  /** Problems of this activity, with the input (first path segment after the activity) they are about. */
  problems: { field?: string; problem: ValidationProblem }[];
  focus?: FieldFocus | null;
  onConnect(): void;
  readOnly?: boolean;
}

const commonFields = new Set(["name", "metadata", "customProperties", "id", "type"]);

/** The selected activity's properties, generated from its type's input descriptors: Inputs, Outputs, Common, Info. */
export function PropertyPanel({ activity, document, descriptors, apply, problems, focus, onConnect, readOnly }: PropertyPanelProps) {
  const descriptor = descriptors.get(activity.type);
  const [tab, setTab] = useState<string | null>("inputs");

  useEffect(() => {
    if (!focus || focus.activityId !== activity.id) return;
    const target = focus.field && commonFields.has(focus.field) ? "common" : focus.field && descriptor?.outputs.some((o) => o.name === focus.field) ? "outputs" : "inputs";
    setTab(target);
    if (!focus.field) return;
    // After the tab has rendered its fields.
    const timer = window.setTimeout(() => {
      const element = window.document.getElementById(inputFieldId(activity.id, focus.field!)) ?? window.document.getElementById(`common-${activity.id}-${focus.field}`);
      element?.focus();
      element?.scrollIntoView({ block: "center" });
    }, 60);
    return () => window.clearTimeout(timer);
  }, [focus, activity.id, descriptor]);

  const update = (change: (a: ElsaActivity) => ElsaActivity, coalesce?: string) => {
    if (!readOnly) apply((d) => updateActivity(d, activity.id, change), coalesce);
  };
  const rename = (from: string, to: string, coalesce?: string) => {
    if (!readOnly) apply((d) => renamePort(d, activity.id, from, to), coalesce);
  };
  const errors: Record<string, string | undefined> = {};
  for (const { field, problem } of problems) if (field) errors[field] = errors[field] ? `${errors[field]} ${problem.message}` : problem.message;

  return (
    <Stack gap="xs" component="section" aria-label={`Properties of ${activityTitle(activity, descriptors)}`} data-testid="property-panel">
      <div>
        <Title order={2} size="h4">
          {activityTitle(activity, descriptors)}
        </Title>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {descriptor?.displayName ?? activity.type}
          </Text>
          {!descriptor && <Badge color="red.8">Unknown type</Badge>}
        </Group>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="inputs">Inputs</Tabs.Tab>
          {descriptor && descriptor.outputs.length > 0 && <Tabs.Tab value="outputs">Outputs</Tabs.Tab>}
          <Tabs.Tab value="common">Common</Tabs.Tab>
          <Tabs.Tab value="info">Info</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inputs" pt="sm">
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <InputsTab activity={activity} descriptor={descriptor} document={document} update={update} rename={rename} errors={errors} />
          </fieldset>
        </Tabs.Panel>
        {descriptor && (
          <Tabs.Panel value="outputs" pt="sm">
            <OutputsTab activity={activity} descriptor={descriptor} variables={document.variables ?? []} update={update} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="common" pt="sm">
          <CommonTab activity={activity} descriptor={descriptor} update={update} errors={errors} />
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="sm">
          <InfoTab activity={activity} descriptor={descriptor} document={document} descriptors={descriptors} apply={apply} onConnect={onConnect} problems={problems.map((p) => p.problem)} readOnly={readOnly} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function InputsTab({
  activity,
  descriptor,
  document,
  update,
  rename,
  errors,
}: {
  activity: ElsaActivity;
  descriptor: ActivityDescriptor | undefined;
  document: ElsaDefinition;
  update: (change: (a: ElsaActivity) => ElsaActivity, coalesce?: string) => void;
  rename: (from: string, to: string, coalesce?: string) => void;
  errors: Record<string, string | undefined>;
}) {
  if (!descriptor) {
    return (
      <Text size="sm">
        The server does not know the type <Code>{activity.type}</Code>, so its properties cannot be edited here. They are kept as they are; see Info, or
        the JSON code view.
      </Text>
    );
  }
  if (descriptor.inputs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This activity has no inputs.
      </Text>
    );
  }
  const variables = document.variables ?? [];
  const grouped = descriptor.typeName === "CareFlows.HumanTask";
  let dueShown = false;
  return (
    <Stack gap="md">
      {descriptor.inputs.map((input) => {
        if (grouped && dueInputs.includes(input.name)) {
          if (dueShown) return null;
          dueShown = true;
          return <DueTimeEditor key="due" activity={activity} inputs={descriptor.inputs.filter((i) => dueInputs.includes(i.name))} variables={variables} update={update} errors={errors} />;
        }
        return <InputEditor key={input.name} activity={activity} input={input} variables={variables} update={update} renamePort={rename} error={errors[input.name]} />;
      })}
    </Stack>
  );
}
