import type { ReactNode } from "react";
import { Text } from "@mantine/core";

/** A labelled value in a record's header: the label small and dimmed above it. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="div">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
