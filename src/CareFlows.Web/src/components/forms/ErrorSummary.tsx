import { useEffect, useRef } from "react";
import { Alert, Anchor, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

export interface SummaryError {
  /** The id of the input the message is about; the link moves focus there. */
  targetId?: string;
  message: string;
}

/** A group of checkboxes or radios has no input of its own: its first one takes the focus. */
function focusTarget(id: string, event: React.MouseEvent) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  const focusable = element.matches("input, select, textarea, button") ? element : (element.querySelector<HTMLElement>("input, select, textarea, button") ?? element);
  focusable.focus();
  focusable.scrollIntoView({ block: "center" });
}

/**
 * The GOV.UK error summary: "There is a problem" at the top of a refused form, focused when it appears so a screen
 * reader announces it, each message a link that moves focus to its field; the messages also stay beside their fields.
 */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: readonly SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves here when a refusal arrives, not on every render: typing into a field must keep its focus.
  const refusal = errors.map((error) => error.message).join("\n");
  useEffect(() => {
    if (refusal) ref.current?.focus();
  }, [refusal]);
  if (errors.length === 0) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="outline" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert" aria-live="assertive">
      <List size="sm" spacing={4}>
        {errors.map((error, index) => (
          <List.Item key={`${error.targetId ?? "form"}-${index}`}>
            {error.targetId ? (
              <Anchor href={`#${error.targetId}`} onClick={(event) => focusTarget(error.targetId!, event)} c="red.9" fw={600} underline="always">
                {error.message}
              </Anchor>
            ) : (
              <Text size="sm" c="red.9" fw={600} component="span">
                {error.message}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
