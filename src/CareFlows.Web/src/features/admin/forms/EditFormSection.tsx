import type { ReactNode } from "react";
import { Button, Group, Paper, Title } from "@mantine/core";
import { AdminForm, type AdminFormProps } from "./AdminForm";

interface EditFormSectionProps extends AdminFormProps {
  /** Id of the section's heading, which names it. */
  titleId: string;
  pending: boolean;
  /** Whether the draft differs from what is saved: Save is offered only then, and Discard appears. */
  changed: boolean;
  onDiscard: () => void;
  children: (errors: Record<string, string>) => ReactNode;
}

/** The Details section of an admin page: the saved values as a draft, saved or discarded as a whole. */
export function EditFormSection({ titleId, pending, changed, onDiscard, ...form }: EditFormSectionProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <AdminForm
        {...form}
        heading={
          <Title order={2} size="h3" id={titleId}>
            Details
          </Title>
        }
        actions={
          <Group>
            <Button type="submit" loading={pending} disabled={!changed}>
              Save changes
            </Button>
            {changed && (
              <Button variant="default" onClick={onDiscard}>
                Discard changes
              </Button>
            )}
          </Group>
        }
      />
    </Paper>
  );
}
