import { useEffect, useRef } from "react";
import { Alert, Anchor, List, Text } from "@mantine/core";

export interface SummaryError {
  /** The id of the input the message is about; the link moves focus there. */
  targetId?: string;
  message: string;
}

/**
 * "There is a problem": every error at the top of a form, each linking to its field, focused when it appears so a
 * screen reader hears it at once; the messages also stay beside their fields.
 */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <Alert ref={ref} color="red" title={title} role="alert" tabIndex={-1} aria-labelledby={undefined}>
      <List size="sm" spacing={4}>
        {errors.map((error, index) => (
          <List.Item key={`${error.targetId ?? "form"}-${index}`}>
            {error.targetId ? (
              <Anchor
                href={`#${error.targetId}`}
                c="red.9"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.targetId!)?.focus();
                }}
              >
                {error.message}
              </Anchor>
            ) : (
              <Text size="sm">{error.message}</Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
