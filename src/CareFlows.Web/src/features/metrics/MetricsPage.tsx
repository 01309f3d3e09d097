import { Title } from "@mantine/core";

export function MetricsPage() {
  return <Title order={1}>Metrics</Title>;
}
