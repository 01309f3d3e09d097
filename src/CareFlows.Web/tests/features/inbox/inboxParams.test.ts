import { beforeEach, describe, expect, it } from "vitest";
import { setOrganisationTimeZone } from "../../../src/components/format";
import { activePresetKey, apiQuery, paramsOfSaved, savedQueryOf, withParam } from "../../../src/features/inbox/inboxParams";

beforeEach(() => setOrganisationTimeZone("America/New_York"));

describe("inbox address", () => {
  it("is the API query, with the due-before day as the start of that day in the organisation's zone", () => {
    const query = apiQuery(new URLSearchParams("queue=team&team=toc&priority=stat&dueBefore=2026-12-01&task=t1"), "mine");

    expect(query).toEqual({ queue: "team", team: "toc", priority: "stat", dueBefore: "2026-12-01T05:00:00.000Z", pageSize: "25" });
  });

  it("falls back to the user's default queue", () => {
    expect(apiQuery(new URLSearchParams(""), "all").queue).toBe("all");
  });

  it("saves a view without its page and opens it again as the same address", () => {
    const view = new URLSearchParams("queue=all&overdue=true&dueBefore=2026-12-01&page=3&task=t9");
    const saved = savedQueryOf(view, "mine");

    expect(new URLSearchParams(saved).get("page")).toBeNull();
    expect(paramsOfSaved("f1", saved).toString()).toBe("queue=all&dueBefore=2026-12-01&overdue=true&pageSize=25&filter=f1");
  });

  it("goes back to the first page and leaves the saved filter when the view is narrowed", () => {
    const next = withParam(new URLSearchParams("queue=all&page=4&filter=f1"), "priority", "stat");

    expect(next.get("page")).toBeNull();
    expect(next.get("filter")).toBeNull();
    expect(withParam(new URLSearchParams("queue=all&page=4&filter=f1"), "sort", "priority").get("filter")).toBe("f1");
  });

  it("knows which fixed view an address shows", () => {
    expect(activePresetKey(new URLSearchParams(""), "mine")).toBe("mine");
    expect(activePresetKey(new URLSearchParams("queue=team"), "mine")).toBe("unassigned");
    expect(activePresetKey(new URLSearchParams("queue=team&team=toc"), "mine")).toBe("team:toc");
    expect(activePresetKey(new URLSearchParams("queue=all&status=completed"), "mine")).toBe("completed");
    expect(activePresetKey(new URLSearchParams("queue=all&status=on-hold"), "mine")).toBeNull();
  });
});
