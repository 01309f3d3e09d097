import { useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";

interface DefinitionSummary {
  definitionId: string;
  name: string | null;
}

/** The pathways, by id and name, from the definitions list every role may read: for filters and for naming a pathway. */
export function usePathwayChoices() {
  const pathways = useQuery({
    queryKey: ["definitions", "choices"],
    queryFn: async () => (await get<{ items: DefinitionSummary[] }>("/api/definitions", { query: { page: 1, pageSize: 200 } })).items,
    staleTime: 5 * 60_000,
  });
  return {
    options: (pathways.data ?? []).map((p) => ({ value: p.definitionId, label: p.name ?? p.definitionId })),
    nameOf: (id: string) => pathways.data?.find((p) => p.definitionId === id)?.name ?? id,
  };
}
