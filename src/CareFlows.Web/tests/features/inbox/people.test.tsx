import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { usePersonLabel } from "../../../src/features/inbox/people";
import { PersonPicker } from "../../../src/features/inbox/PersonPicker";
import { coordinator, mockApi, renderElement } from "../testApp";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const person = (id: string, displayName: string, active = true, teams = [{ id: "toc", name: "Transitions of care" }]) => ({ id, displayName, active, teams });

function Owners({ ids }: { ids: string[] }) {
  const label = usePersonLabel(ids);
  return (
    <ul>
      {ids.map((id, index) => (
        <li key={index}>{label(id)}</li>
      ))}
    </ul>
  );
}

describe("people", { timeout: 20_000 }, () => {
  it("names everyone on a page with one request, marking former staff and the user themself", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `u-${i % 40}`);
    const api = mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/people": (call) => ({
        body: { items: call.search.getAll("id").map((id) => person(id, `Name ${id}`, id !== "u-3")), total: 40, page: 1, pageSize: 200 },
      }),
    });

    renderElement(<Owners ids={[...ids, "u-me"]} />);

    expect(await screen.findAllByText("Name u-1")).toHaveLength(2);
    expect(screen.getAllByText("Name u-3 (deactivated)")).toHaveLength(2);
    expect(screen.getByText("You")).toBeTruthy();
    const lookups = api.called("GET", "/api/people");
    expect(lookups).toHaveLength(1);
    expect(new Set(lookups[0].search.getAll("id")).size).toBe(41);
  });

  it("finds a colleague by name among the task's team first, and everyone when asked", async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/people": (call) => {
        const team = call.search.get("team");
        const search = call.search.get("search") ?? "";
        const all = [person("u-ana", "Ana Ruiz"), person("u-ben", "Ben Ode", true, []), person("u-me", "Me Myself")];
        const items = all.filter((p) => (!team || p.teams.some((t) => t.id === team)) && p.displayName.toLowerCase().includes(search.toLowerCase()));
        return { body: { items, total: items.length, page: 1, pageSize: 20 } };
      },
    });
    let chosen: string | null = null;
    function Picker() {
      const [value, setValue] = useState<string | null>(null);
      return (
        <PersonPicker
          label="Person"
          description="Who takes the task."
          value={value}
          onChange={(id) => {
            chosen = id;
            setValue(id);
          }}
          teams={[{ value: "toc", label: "Transitions of care" }]}
          exclude="u-me"
        />
      );
    }

    renderElement(<Picker />);
    await user.click(await screen.findByPlaceholderText("Type a name"));
    expect(await screen.findByRole("option", { name: /Ana Ruiz/ })).toBeTruthy();
    expect(screen.queryByRole("option", { name: /Ben Ode/ })).toBeNull();
    expect(screen.queryByRole("option", { name: /Me Myself/ })).toBeNull();
    expect(api.called("GET", "/api/people").every((c) => c.search.get("team") === "toc")).toBe(true);

    await user.click(screen.getAllByLabelText(/^Look in/).find((e) => e.tagName === "INPUT")!);
    await user.click(await screen.findByRole("option", { name: "Everyone" }));
    await user.click(screen.getByPlaceholderText("Type a name"));
    await user.type(screen.getByPlaceholderText("Type a name"), "ben");
    await waitFor(() => expect(api.called("GET", "/api/people").some((c) => c.search.get("search") === "ben" && !c.search.get("team"))).toBe(true));
    await user.click(await screen.findByRole("option", { name: /Ben Ode/ }));
    await waitFor(() => expect(chosen).toBe("u-ben"));
  });
});
