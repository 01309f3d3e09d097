import { Title } from "@mantine/core";

export function InboxPage() {
  return <Title order={1}>Inbox</Title>;
}
