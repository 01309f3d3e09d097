import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NotificationsBell } from "../../../src/features/inbox/NotificationsBell";
import { coordinator, mockApi, renderRoutes } from "../testApp";
import { antiforgery } from "./taskFixtures";

afterEach(() => vi.unstubAllGlobals());

describe("NotificationsBell", { timeout: 20_000 }, () => {
  it("lists the latest, marks them read one by one or all at once, and links to their task", async () => {
    let unread = 2;
    const api = mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/auth/antiforgery": antiforgery,
      "GET /api/notifications": () => ({
        body: {
          items: [
            { id: 2, kind: "escalated", taskId: "t2", message: "'Schedule the visit' was escalated to your team.", createdAt: "2026-11-30T05:00:00Z", readAt: unread > 1 ? null : "2026-11-30T06:00:00Z" },
            { id: 1, kind: "assigned", taskId: "t1", message: "'Call Ruth Adler' was assigned to you.", createdAt: "2026-11-29T05:00:00Z", readAt: unread > 0 ? null : "2026-11-30T06:00:00Z" },
          ],
          unread,
          page: 1,
          pageSize: 8,
        },
      }),
      "POST /api/notifications/2/read": () => {
        unread = 1;
        return { status: 204 };
      },
      "POST /api/notifications/read-all": () => {
        unread = 0;
        return { status: 204 };
      },
    });
    renderRoutes([{ path: "*", element: <NotificationsBell /> }], "/inbox");
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    const popover = await screen.findByRole("dialog", { name: /^Notifications/ });
    expect(within(popover).getByText("'Schedule the visit' was escalated to your team.")).toBeTruthy();
    expect((await within(popover).findAllByRole("link", { name: "Open task" }))[0].getAttribute("href")).toBe("/tasks/t2");

    await user.click(within(popover).getAllByRole("button", { name: "Mark read" })[0]);
    await waitFor(() => expect(api.called("POST", "/api/notifications/2/read")).toHaveLength(1));
    expect(await screen.findByRole("button", { name: "Notifications, 1 unread" })).toBeTruthy();

    await user.click(within(popover).getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByRole("button", { name: "Notifications, 0 unread" })).toBeTruthy();
  });
});
