import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  return (
    <Stack p="xl">
      <Title order={1}>{forbidden ? "Not available to your role" : "Page not found"}</Title>
      <Text>{forbidden ? "Your role does not give access to this page. Ask an administrator if you need it." : "There is nothing at this address."}</Text>
      <Anchor component={Link} to="/">
        Go to your start page
      </Anchor>
    </Stack>
  );
}
