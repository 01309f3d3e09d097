import { describe, expect, it } from "vitest";
import type { TeamListItem } from "../../../../src/features/admin/api";
import { arrangeTeams } from "../../../../src/features/admin/teams/teamList";

const team = (id: string, name: string, memberCount: number, updatedAt: string, description: string | null = null): TeamListItem => ({
  id,
  name,
  description,
  memberCount,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt,
});

const teams = [
  team("transitions-of-care", "Transitions of Care", 4, "2026-11-01T00:00:00Z"),
  team("prior-auth", "Prior Authorization", 2, "2026-11-20T00:00:00Z", "Payer requests"),
  team("referrals", "referrals desk", 7, "2026-10-01T00:00:00Z"),
];

describe("arrangeTeams", () => {
  it("sorts by name whatever the case, by members, or by last change", () => {
    expect(arrangeTeams(teams, "", "name", 1, 10).items.map((t) => t.id)).toEqual(["prior-auth", "referrals", "transitions-of-care"]);
    expect(arrangeTeams(teams, "", "members", 1, 10).items.map((t) => t.id)).toEqual(["referrals", "transitions-of-care", "prior-auth"]);
    expect(arrangeTeams(teams, "", "updated", 1, 10).items.map((t) => t.id)).toEqual(["prior-auth", "transitions-of-care", "referrals"]);
  });

  it("searches names, ids and descriptions", () => {
    expect(arrangeTeams(teams, "PAYER", "name", 1, 10).items.map((t) => t.id)).toEqual(["prior-auth"]);
    expect(arrangeTeams(teams, "transitions-of", "name", 1, 10).total).toBe(1);
  });

  it("pages, and a page past the end shows the last one", () => {
    expect(arrangeTeams(teams, "", "name", 2, 2)).toMatchObject({ page: 2, total: 3, items: [{ id: "transitions-of-care" }] });
    expect(arrangeTeams(teams, "", "name", 9, 2).page).toBe(2);
  });
});
