import { useState } from "react";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/ErrorAlert";
import { cancelInstance, instanceKeys } from "./instanceApi";

const maxReason = 1000;

/** Cancelling ends the instance for good: asked to confirm, with a reason for its journal. */
export function CancelInstanceDialog({ instanceId, name, opened, onClose }: { instanceId: string; name: string; opened: boolean; onClose(): void }) {
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const cancel = useMutation({
    mutationFn: () => cancelInstance(instanceId, reason.trim() || null),
    onSuccess: () => {
      notifications.show({ color: "teal.9", title: "Instance cancelled", message: name });
      setReason("");
      onClose();
    },
    onSettled: () => queries.invalidateQueries({ queryKey: instanceKeys.all }),
  });
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Cancel this instance?">
      <Stack>
        <Text size="sm">
          “{name}” stops now: what it waits for is removed and nothing of it runs again. Its open tasks can no longer be completed. This cannot be undone.
        </Text>
        <Textarea
          label="Reason"
          description="Recorded in the instance's journal."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={maxReason}
          autosize
          minRows={2}
          data-autofocus
        />
        {cancel.error && <ErrorAlert error={cancel.error} title="The instance was not cancelled" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it running
          </Button>
          <Button color="red.9" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Cancel instance
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
