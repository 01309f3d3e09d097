import type { ReactNode } from "react";
import { Button, Group, Modal, type MantineSize } from "@mantine/core";
import { AdminForm, type AdminFormProps } from "./AdminForm";

interface FormDialogProps extends AdminFormProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: MantineSize;
  submitLabel: string;
  /** For a submit that cannot be undone. */
  submitColor?: string;
  pending: boolean;
  children: (errors: Record<string, string>) => ReactNode;
}

/** An admin form in a dialog, with Cancel and its submit at the bottom right. */
export function FormDialog({ opened, onClose, title, size, submitLabel, submitColor, pending, ...form }: FormDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ "aria-label": "Close" }}>
      <AdminForm
        {...form}
        actions={
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={submitColor} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        }
      />
    </Modal>
  );
}
