import { Title } from "@mantine/core";

export function DefinitionsPage() {
  return <Title order={1}>Pathways</Title>;
}
