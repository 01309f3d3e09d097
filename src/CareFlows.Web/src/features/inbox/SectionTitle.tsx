import { createContext, useContext, type ReactNode } from "react";
import { Title } from "@mantine/core";

/** The heading level of a task's sections: one below the task's own title, whether on its page (h1) or beside the list (h2). */
export const SectionLevel = createContext<2 | 3>(3);

export function SectionTitle({ id, children, size = "h4" }: { id: string; children: ReactNode; size?: string }) {
  return (
    <Title order={useContext(SectionLevel)} size={size} id={id}>
      {children}
    </Title>
  );
}
