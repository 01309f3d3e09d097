import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { portsOf } from "../../../components/flow/outcomes";

interface ConnectModalProps {
  opened: boolean;
  onClose(): void;
  source: ElsaActivity | undefined;
  document: ElsaDefinition;
  descriptors: DescriptorMap;
  onConnect(port: string, targetId: string): void;
}

/** "Connect to…": the keyboard way to draw a connection, from one of the activity's ports to another activity. */
export function ConnectModal({ opened, onClose, source, document, descriptors, onConnect }: ConnectModalProps) {
  const ports = source ? portsOf(source, descriptors.get(source.type), document.root.connections).filter((p) => !p.unknown) : [];
  const [port, setPort] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const chosenPort = port && ports.some((p) => p.name === port) ? port : (ports[0]?.name ?? null);
  const targets = document.root.activities
    .filter((a) => a.id !== source?.id && a.type !== "Elsa.Start")
    .map((a) => ({ value: a.id, label: `${activityTitle(a, descriptors)} (${descriptors.get(a.type)?.displayName ?? a.type})` }));
  return (
    <Modal opened={opened} onClose={onClose} title={source ? `Connect ${activityTitle(source, descriptors)} to…` : "Connect to…"} data-testid="connect-modal">
      {ports.length === 0 ? (
        <Text size="sm">This activity has no outcome ports, so nothing can follow it.</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosenPort && target) {
              onConnect(chosenPort, target);
              setTarget(null);
              onClose();
            }
          }}
        >
          <Stack gap="sm">
            <Select label="From the outcome" data={ports.map((p) => p.name)} value={chosenPort} onChange={setPort} allowDeselect={false} data-autofocus />
            <Select label="To the activity" data={targets} value={target} onChange={setTarget} searchable placeholder="Search by name" nothingFoundMessage="No activity matches" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={!chosenPort || !target}>
                Connect
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
