import { useQuery } from "@tanstack/react-query";
import { adminApi, adminKeys } from "../api";

/** Every team as a choice in a select, by name. */
export function useTeamOptions() {
  const teams = useQuery({ queryKey: adminKeys.teams, queryFn: ({ signal }) => adminApi.teams(signal) });
  const options = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  return { options, loading: teams.isLoading, error: teams.error, refetch: teams.refetch };
}
