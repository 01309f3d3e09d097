import { useEffect, useRef } from "react";
import { Alert, Anchor, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { FormError } from "./fieldErrors";

/**
 * The GOV.UK error summary: at the top of a refused form, focused when it appears so a screen reader announces it,
 * each message a link that moves focus to its field. `fieldId` turns a field name into the id of its input.
 */
export function ErrorSummary({ errors, fieldId, title = "There is a problem" }: { errors: readonly FormError[]; fieldId: (field: string) => string; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;

  const focusField = (field: string) => (event: React.MouseEvent) => {
    const element = document.getElementById(fieldId(field));
    if (!element) return;
    event.preventDefault();
    // A group of checkboxes has no input of its own: its first box takes the focus.
    const focusable = element.matches("input, select, textarea, button") ? element : (element.querySelector<HTMLElement>("input, select, textarea, button") ?? element);
    focusable.focus();
    focusable.scrollIntoView({ block: "center" });
  };

  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="outline" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert" aria-live="assertive">
      <List size="sm" spacing={4}>
        {errors.map((error, index) => (
          <List.Item key={`${error.field ?? ""}-${index}`}>
            {error.field ? (
              <Anchor href={`#${fieldId(error.field)}`} onClick={focusField(error.field)} c="red.9" fw={600} underline="always">
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
