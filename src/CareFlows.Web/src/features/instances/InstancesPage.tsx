import { Title } from "@mantine/core";

export function InstancesPage() {
  return <Title order={1}>Instances</Title>;
}
