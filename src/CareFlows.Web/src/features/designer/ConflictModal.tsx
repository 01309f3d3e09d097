import { useEffect, useMemo, useState } from "react";
import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Text } from "@mantine/core";
import { ErrorAlert } from "../../components/ErrorAlert";
import type { DescriptorMap } from "../../components/flow/activityDescriptors";
import type { ElsaDefinition } from "../../components/flow/elsa";
import { fetchDefinition, type DefinitionResponse } from "./api/definitionsApi";
import { PersonName } from "../inbox/PersonName";
import { diffDefinitions } from "./model/diff";
import { DiffView } from "./versions/DiffView";

interface ConflictModalProps {
  opened: boolean;
  definitionId: string;
  mine: ElsaDefinition;
  descriptors: DescriptorMap;
  message?: string;
  onReload(theirs: DefinitionResponse): void;
  onOverwrite(): Promise<void>;
  onClose(): void;
}

/**
 * Someone else saved the pathway after it was opened here: shows what they changed compared with this copy, and lets
 * the lead take theirs (this copy stays one undo away) or overwrite it with this one.
 */
export function ConflictModal({ opened, definitionId, mine, descriptors, message, onReload, onOverwrite, onClose }: ConflictModalProps) {
  const [theirs, setTheirs] = useState<DefinitionResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setTheirs(null);
    setError(null);
    fetchDefinition(definitionId).then(setTheirs, setError);
  }, [opened, definitionId]);
  const diff = useMemo(() => (theirs ? diffDefinitions(mine, theirs.definition, descriptors) : null), [theirs, mine, descriptors]);

  return (
    <Modal opened={opened} onClose={onClose} title="Someone else saved this pathway" size="lg" data-testid="conflict-modal">
      <Stack gap="sm">
        <Alert color="red" title="Your changes were not saved">
          {message ?? "The pathway was changed by someone else since you opened it."} Choose whose version to keep.
        </Alert>
        {!theirs && !error && <Loader size="sm" aria-label="Loading their version" />}
        {error ? <ErrorAlert error={error} title="Their version could not be loaded" /> : null}
        {theirs && diff && (
          <>
            <Text size="sm">
              Version {theirs.version} (last saved by <PersonName id={theirs.updatedBy ?? theirs.createdBy} nobody="someone" />), compared with yours:
            </Text>
            <ScrollArea.Autosize mah={320} viewportProps={{ tabIndex: 0, "aria-label": "Their changes" }}>
              <DiffView diff={diff} fromLabel="your copy" toLabel="theirs" />
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Decide later
          </Button>
          <Button variant="light" disabled={!theirs} onClick={() => theirs && onReload(theirs)}>
            Reload theirs
          </Button>
          <Button
            color="red.9"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onOverwrite();
              } finally {
                setBusy(false);
              }
            }}
          >
            Overwrite with mine
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
