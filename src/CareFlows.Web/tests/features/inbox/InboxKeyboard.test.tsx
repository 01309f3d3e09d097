import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InboxPage } from "../../../src/features/inbox/InboxPage";
import type { InboxTask } from "../../../src/features/inbox/taskTypes";
import { coordinator, mockApi, renderRoutes } from "../testApp";
import { aTask, antiforgery, emptyPage } from "./taskFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const tasks = [
  aTask({ id: "t1", title: "Review discharge summary: Ruth Adler" }),
  aTask({ id: "t2", title: "Post-discharge call: Walter Kim", priority: "asap", overdue: false, dueAt: "2030-01-01T00:00:00Z" }),
  aTask({ id: "t3", title: "Schedule the visit: Gloria Mendes", priority: "routine", overdue: false, dueAt: "2030-01-02T00:00:00Z" }),
];

function serve(claim: (task: InboxTask) => { status?: number; body?: unknown }) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const handlers: Parameters<typeof mockApi>[0] = {
    "GET /api/auth/me": { body: coordinator },
    "GET /api/auth/antiforgery": antiforgery,
    "GET /api/tasks": (call) => ({ body: call.search.get("queue") === "mine" ? emptyPage : { items: tasks, total: 3, page: 1, pageSize: 25 } }),
    "GET /api/tasks/counts": { body: { mine: 0, mineOverdue: 0, teams: { toc: 3 } } },
    "GET /api/tasks/filters": { body: [] },
    "GET /api/definitions": { body: { items: [], total: 0, page: 1, pageSize: 200 } },
  };
  for (const task of tasks) {
    handlers[`GET /api/tasks/${task.id}`] = () => ({ body: byId.get(task.id) });
    handlers[`GET /api/tasks/${task.id}/history`] = { body: [] };
    handlers[`POST /api/tasks/${task.id}/claim`] = () => {
      const reply = claim(byId.get(task.id)!);
      if ((reply.status ?? 200) === 200) byId.set(task.id, reply.body as InboxTask);
      return reply;
    };
  }
  return mockApi(handlers);
}

function renderInbox() {
  return renderRoutes(
    [
      { path: "/inbox", element: <InboxPage /> },
      { path: "/tasks/:taskId", element: <p>Task page</p> },
    ],
    "/inbox?queue=team",
  );
}

const selectedRow = () => document.querySelector("[data-testid='task-row'][aria-selected='true']")?.getAttribute("data-task-id");

describe("inbox keyboard shortcuts", { timeout: 20_000 }, () => {
  it("moves with j and k, claims with c, goes to the form with e, shows the sheet with ?, opens with Enter", async () => {
    const api = serve((task) => ({ body: { ...task, owner: "u-me", status: "in-progress" } }));
    const { router } = renderInbox();
    const user = userEvent.setup({ delay: null });
    await screen.findByRole("link", { name: "Post-discharge call: Walter Kim" });

    await user.keyboard("j");
    await waitFor(() => expect(selectedRow()).toBe("t1"));
    await user.keyboard("jjk");
    await waitFor(() => expect(selectedRow()).toBe("t2"));
    expect(router.state.location.search).toContain("task=t2");
    expect(await screen.findByRole("heading", { name: "Post-discharge call: Walter Kim", level: 2 })).toBeTruthy();

    await user.keyboard("c");
    await waitFor(() => expect(api.called("POST", "/api/tasks/t2/claim")).toHaveLength(1));
    expect(await screen.findByRole("button", { name: "Unclaim" })).toBeTruthy();

    await user.keyboard("e");
    expect(document.activeElement).toBe(screen.getByLabelText(/Received on/));
    await user.keyboard("j");
    expect(selectedRow()).toBe("t2");
    (document.activeElement as HTMLElement).blur();

    await user.keyboard("?");
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull());

    await user.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe("/tasks/t2"));
  });

  it("does not fire while typing in a filter", async () => {
    serve((task) => ({ body: task }));
    renderInbox();
    const user = userEvent.setup({ delay: null });
    await screen.findByRole("link", { name: "Post-discharge call: Walter Kim" });

    await user.type(screen.getByLabelText("Patient"), "jk?");

    expect(selectedRow()).toBeUndefined();
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
    expect((screen.getByLabelText("Patient") as HTMLInputElement).value).toBe("jk?");
  });

  it("rolls a claim back with the server's reason when someone else claimed first", async () => {
    serve(() => ({ status: 409, body: { title: "Conflict", status: 409, detail: "The task is already someone else's; they must unclaim it, or it must be reassigned." } }));
    renderInbox();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole("link", { name: "Schedule the visit: Gloria Mendes" }));
    await user.click(await screen.findByRole("button", { name: "Claim" }));

    expect(await screen.findByText("The task is already someone else's; they must unclaim it, or it must be reassigned.")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Claim" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Unclaim" })).toBeNull();
  });
});
