import type { TeamListItem } from "../api";

export type TeamSort = "name" | "members" | "updated";
export const teamSorts: { value: TeamSort; label: string }[] = [
  { value: "name", label: "Name (A–Z)" },
  { value: "members", label: "Most members" },
  { value: "updated", label: "Recently changed" },
];

/**
 * The server answers every team at once (there are tens, not thousands), so the list is searched, sorted and paged
 * here, with the same controls and address as the lists the server pages.
 */
export function arrangeTeams(teams: readonly TeamListItem[], q: string, sort: TeamSort, page: number, pageSize: number) {
  const term = q.trim().toLocaleLowerCase();
  const matching = term
    ? teams.filter((t) => t.name.toLocaleLowerCase().includes(term) || t.id.includes(term) || (t.description ?? "").toLocaleLowerCase().includes(term))
    : [...teams];
  const byName = (a: TeamListItem, b: TeamListItem) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
  matching.sort(
    sort === "members" ? (a, b) => b.memberCount - a.memberCount || byName(a, b)
    : sort === "updated" ? (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b)
    : byName,
  );
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  return { items: matching.slice((current - 1) * pageSize, current * pageSize), total: matching.length, page: current };
}
