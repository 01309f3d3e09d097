import { useQueries, useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import type { TeamSummary } from "../../auth/roles";
import { metricKeys, metricsApi } from "./api";

interface DefinitionPage {
  items: { definitionId: string; name: string | null }[];
}

/** Pathways by id and name, to filter by and to name the rows of a breakdown. */
export function usePathways() {
  const pathways = useQuery({
    queryKey: ["definitions", "names"],
    queryFn: ({ signal }) => get<DefinitionPage>("/api/definitions", { query: { pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
  });
  const options = (pathways.data?.items ?? []).map((d) => ({ value: d.definitionId, label: d.name ?? d.definitionId }));
  const name = (id: string) => options.find((o) => o.value === id)?.label ?? id;
  return { options, name, loading: pathways.isLoading };
}

/**
 * Teams to filter by. Admins read every team; others have no list of teams to read, so they get the teams whose
 * queues hold tasks now (from the workload metric's breakdown) and their own.
 */
export function useTeams() {
  const { can, user } = useAuth();
  const all = useQuery({
    queryKey: ["admin", "teams"],
    queryFn: ({ signal }) => get<TeamSummary[]>("/api/admin/teams", { signal }),
    enabled: can.administer,
    staleTime: 5 * 60_000,
  });
  const queued = useQuery({
    queryKey: metricKeys.one("coordinator-workload", {}),
    queryFn: ({ signal }) => metricsApi.one("coordinator-workload", {}, signal),
    enabled: !can.administer,
    staleTime: 5 * 60_000,
  });
  const known = new Map<string, string>();
  for (const team of all.data ?? []) known.set(team.id, team.name);
  for (const team of user?.teams ?? []) known.set(team.id, team.name);
  for (const row of queued.data?.rows ?? []) if (row.kind === "queue" && !known.has(row.key)) known.set(row.key, row.key);
  const options = [...known].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  const name = (id: string) => known.get(id) ?? id;
  return { options, name, complete: can.administer };
}

/**
 * Coordinators' names for the workload breakdown, which names them by user id. Admins can read users; for others the
 * id is all there is, shortened.
 */
export function useCoordinatorNames(ids: string[]) {
  const { can } = useAuth();
  const users = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["admin", "users", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => get<{ id: string; email: string; displayName: string | null }>(`/api/admin/users/${encodeURIComponent(id)}`, { signal }),
      enabled: can.administer,
      staleTime: 5 * 60_000,
    })),
  });
  const byId = new Map(users.flatMap((u) => (u.data ? [[u.data.id, u.data.displayName ?? u.data.email] as const] : [])));
  return (id: string) => byId.get(id) ?? `Coordinator ${id.slice(0, 8)}`;
}
