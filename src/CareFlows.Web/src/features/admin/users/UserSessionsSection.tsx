import { Group, Paper, SegmentedControl, Stack, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { PagedResults } from "../../../components/table/PagedResults";
import { adminApi, adminKeys, type User } from "../api";
import { SessionsTable } from "../components/SessionsTable";

const pageSize = 10;

/** One user's sign-ins, newest first, with Revoke for each active one; the filter and page are in the address. */
export function UserSessionsSection({ user }: { user: User }) {
  const [params, setParams] = useSearchParams();
  const activeOnly = params.get("sessions") !== "all";
  const page = Math.max(1, Number.parseInt(params.get("sessionsPage") ?? "1", 10) || 1);
  const sessions = useQuery({
    queryKey: adminKeys.userSessions(user.id, page, activeOnly || undefined),
    queryFn: ({ signal }) => adminApi.userSessions(user.id, { page, pageSize, active: activeOnly || undefined }, signal),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-sessions-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="user-sessions-title">
            Sessions
          </Title>
          <SegmentedControl
            aria-label="Which sessions"
            value={activeOnly ? "active" : "all"}
            onChange={(value) => update({ sessions: value === "all" ? "all" : null, sessionsPage: null })}
            data={[
              { value: "active", label: "Active" },
              { value: "all", label: "All, with ended" },
            ]}
          />
        </Group>
        <PagedResults
          query={sessions}
          noun={activeOnly ? "active sessions" : "sessions"}
          errorTitle="The sessions could not be loaded"
          empty={activeOnly ? `${user.displayName ?? user.email} is not signed in anywhere.` : "No sign-ins yet."}
          onPageChange={(next) => update({ sessionsPage: next === 1 ? null : String(next) })}
        >
          {(items) => <SessionsTable sessions={items} showUser={false} caption="Newest sign-in first. Revoking a session signs the user out of it at their next request." />}
        </PagedResults>
      </Stack>
    </Paper>
  );
}
