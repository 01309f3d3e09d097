import { Checkbox, Stack, Textarea, TextInput } from "@mantine/core";
import type { ActivityDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity } from "../../../components/flow/elsa";
import { setCustomProperty, setMetadata, setProperty } from "../model/document";

interface CommonTabProps {
  activity: ElsaActivity;
  descriptor: ActivityDescriptor | undefined;
  update: (change: (a: ElsaActivity) => ElsaActivity, coalesce?: string) => void;
  errors: Record<string, string | undefined>;
}

/** What every activity has: its text on the canvas, name, description, and whether it may start the workflow. */
export function CommonTab({ activity, descriptor, update, errors }: CommonTabProps) {
  const id = (field: string) => `common-${activity.id}-${field}`;
  const key = (field: string) => `${activity.id}:common:${field}`;
  const custom = activity.customProperties ?? {};
  return (
    <Stack gap="sm">
      <TextInput
        id={id("displayText")}
        label="Display text"
        description="What the canvas and the inbox call this step."
        value={String(activity.metadata?.displayText ?? "")}
        onChange={(e) => update((a) => setMetadata(a, "displayText", e.currentTarget.value), key("displayText"))}
      />
      <TextInput
        id={id("name")}
        label="Name"
        description="A technical name, used by scripts to read this activity's output."
        value={String(activity.name ?? "")}
        error={errors.name}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((a) => setProperty(a, "name", value === "" ? ("name" in a && a.name === null ? null : undefined) : value), key("name"));
        }}
      />
      <Textarea
        id={id("description")}
        label="Description"
        autosize
        minRows={2}
        value={String(activity.metadata?.description ?? "")}
        onChange={(e) => update((a) => setMetadata(a, "description", e.currentTarget.value), key("description"))}
      />
      <Checkbox
        label="Show the description on the canvas"
        checked={activity.metadata?.showDescription === true}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          update((a) => setMetadata(a, "showDescription", checked ? true : undefined));
        }}
      />
      {descriptor?.isTrigger && (
        <Checkbox
          id={id("customProperties")}
          label="Can start the workflow"
          description="A trigger with this set starts a new instance when its event, time or schedule comes."
          checked={custom.canStartWorkflow === true}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            update((a) => setCustomProperty(a, "canStartWorkflow", checked));
          }}
        />
      )}
      <Checkbox
        label="Run asynchronously"
        checked={custom.runAsynchronously === true}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          update((a) => setCustomProperty(a, "runAsynchronously", checked));
        }}
      />
    </Stack>
  );
}
