import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InstancesPage } from "../../../src/features/instances/InstancesPage";
import { coordinator, mockApi, renderRoutes } from "../testApp";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const instance = {
  id: "i-1",
  definitionId: "discharge-follow-up",
  version: 1,
  name: null,
  correlationId: "MRN-1",
  status: "Running",
  subStatus: "Suspended",
  incidents: 0,
  createdAt: "2026-11-24T10:00:00Z",
  updatedAt: "2026-11-24T11:00:00Z",
  finishedAt: null,
};

// A sortable heading's button says what pressing it does: "Created: sort ascending".
const header = (name: string) => screen.getAllByRole("columnheader").find((th) => within(th).queryByRole("button", { name: new RegExp(`^${name}: sort`) }))!;

describe("instances list order", { timeout: 20_000 }, () => {
  it("sorts by a column header, says so with aria-sort, and keeps the order in the address", async () => {
    const api = mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/definitions": { body: { items: [], total: 0, page: 1, pageSize: 200 } },
      "GET /api/instances": { body: { items: [instance], total: 1, page: 1, pageSize: 25 } },
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/instances", element: <InstancesPage /> }], "/instances?page=2");

    await screen.findByRole("link", { name: "i-1" });
    expect(header("Created").getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByText(/newest first/)).toBeTruthy();

    await user.click(within(header("Created")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=created"));
    await waitFor(() => expect(api.called("GET", "/api/instances").at(-1)?.search.get("sort")).toBe("created"));
    expect(header("Created").getAttribute("aria-sort")).toBe("ascending");

    await user.click(within(header("Pathway")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=definition"));
    expect(header("Pathway").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Created").getAttribute("aria-sort")).toBeNull();

    await user.click(within(header("Pathway")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=-definition"));
    expect(header("Pathway").getAttribute("aria-sort")).toBe("descending");
  });
});
