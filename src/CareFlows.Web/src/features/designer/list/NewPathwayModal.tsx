import { useState } from "react";
import { useNavigate } from "react-router";
import { Button, Group, Modal, Stack, TextInput, Textarea } from "@mantine/core";
import { ApiError } from "../../../api/problem";
import { ErrorAlert } from "../../../components/ErrorAlert";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { useCreateDefinition } from "../api/definitionsApi";
import { newId } from "../model/ids";

/** A new pathway with a Start activity, in Elsa 3's shape, stored at once as a version 1 draft. */
export function newDefinition(name: string, description: string, definitionId?: string): ElsaDefinition {
  const start = newId();
  return {
    ...(definitionId ? { definitionId } : {}),
    name,
    ...(description ? { description } : {}),
    variables: [],
    root: {
      type: "Elsa.Flowchart",
      version: 1,
      id: "flowchart",
      nodeId: "Workflow1:flowchart",
      activities: [
        {
          id: start,
          nodeId: `Workflow1:flowchart:${start}`,
          name: "Start1",
          type: "Elsa.Start",
          version: 1,
          customProperties: { canStartWorkflow: false, runAsynchronously: false },
          metadata: { designer: { position: { x: 0, y: 0 }, size: { width: 240, height: 60 } } },
        },
      ],
      connections: [],
    },
  };
}

export function NewPathwayModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [definitionId, setDefinitionId] = useState("");
  const create = useCreateDefinition();
  const navigate = useNavigate();
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  return (
    <Modal opened={opened} onClose={onClose} title="New pathway">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          create.mutate(newDefinition(name.trim(), description.trim(), definitionId.trim() || undefined), {
            onSuccess: (created) => {
              onClose();
              navigate(`/definitions/${encodeURIComponent(created.definitionId)}`);
            },
          });
        }}
      >
        <Stack gap="sm">
          {create.error && !Object.keys(fieldErrors).length ? <ErrorAlert error={create.error} title="The pathway was not created" /> : null}
          <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name?.join(" ")} data-testid="new-pathway-name" />
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <TextInput
            label="Definition id"
            description="Optional: a stable id such as 'heart-failure-follow-up'; one is generated when left empty."
            value={definitionId}
            onChange={(e) => setDefinitionId(e.currentTarget.value)}
            error={fieldErrors.definitionId?.join(" ") ?? (create.error instanceof ApiError && create.error.status === 409 ? create.error.message : undefined)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="new-pathway-create">
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
