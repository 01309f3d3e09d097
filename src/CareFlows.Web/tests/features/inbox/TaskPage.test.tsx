import { afterEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPage } from "../../../src/features/inbox/TaskPage";
import { coordinator, fakeEventStream, mockApi, renderRoutes } from "../testApp";
import { aTask, antiforgery, emptyPage } from "./taskFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

/** The server as far as the page needs it; a completion that succeeds is what the task reads as afterwards. */
function serve(complete: (body: unknown) => { status?: number; body?: unknown }) {
  let current = aTask();
  return mockApi({
    "GET /api/auth/me": { body: coordinator },
    "GET /api/auth/antiforgery": antiforgery,
    "GET /api/tasks": { body: emptyPage },
    "GET /api/tasks/t1": () => ({ body: current }),
    "GET /api/tasks/t1/history": { body: [{ id: 1, at: "2026-11-24T10:00:00Z", actor: null, action: "created", status: "ready", details: null }] },
    "POST /api/tasks/t1/complete": (call) => {
      const reply = complete(call.body);
      if ((reply.status ?? 200) === 200) current = reply.body as typeof current;
      return reply;
    },
  });
}

describe("the task page's form", { timeout: 20_000 }, () => {
  it("shows the server's refusal beside each field and in the summary, then completes with typed data", async () => {
    const api = serve((body) => {
      const data = (body as { data: Record<string, unknown> }).data;
      return data.receivedOn
        ? { body: aTask({ status: "completed", outcome: "Reviewed", result: data, owner: "u1", endedAt: "2026-11-26T12:00:00Z" }) }
        : { status: 422, body: { title: "The request is invalid.", status: 422, errors: { "$.data.receivedOn": ["'Received on' is required."] } } };
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByRole("heading", { name: "Review discharge summary: Ruth Adler" })).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Patient" })).getByText("MRN-40101")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Complete: Reviewed" }));

    const summary = await screen.findByRole("alert", { name: /There is a problem/ });
    expect(within(summary).getByRole("link", { name: "'Received on' is required." }).getAttribute("href")).toBe("#task-field-receivedOn");
    const received = screen.getByLabelText(/Received on/) as HTMLInputElement;
    expect(received.getAttribute("aria-invalid")).toBe("true");
    expect(api.called("POST", "/api/tasks/t1/complete")[0].body).toEqual({ outcome: "Reviewed", data: {} });

    fireEvent.change(received, { target: { value: "2026-11-26" } });
    await user.type(screen.getByLabelText("Contacts made"), "2");
    await user.type(screen.getByLabelText("Findings to act on"), "Potassium to recheck");
    await user.click(screen.getByRole("button", { name: "Complete: Reviewed" }));

    await waitFor(() => expect(api.called("POST", "/api/tasks/t1/complete")).toHaveLength(2));
    expect(api.called("POST", "/api/tasks/t1/complete")[1].body).toEqual({
      outcome: "Reviewed",
      data: { receivedOn: "2026-11-26", contacts: 2, notes: "Potassium to recheck" },
    });
    expect(await screen.findByRole("heading", { name: "Completed: Reviewed" })).toBeTruthy();
    expect(screen.queryByRole("alert", { name: /There is a problem/ })).toBeNull();
  });

  it("keeps what was typed when the session ends, and offers it again after signing in", async () => {
    serve(() => ({ status: 401, body: { title: "Unauthorized", status: 401 } }));
    const first = renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText("Findings to act on"), "Call the pharmacy");
    first.unmount();

    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");

    expect(((await screen.findByLabelText("Findings to act on")) as HTMLTextAreaElement).value).toBe("Call the pharmacy");
  });

  it("says why the form cannot be sent when someone else holds the task, with no claim button", async () => {
    mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/tasks": { body: emptyPage },
      "GET /api/tasks/t1": { body: aTask({ status: "in-progress", owner: "someone-else" }) },
      "GET /api/tasks/t1/history": { body: [] },
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");

    expect(await screen.findByText("Someone else holds this task; only they can complete it.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Complete: Reviewed" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Claim" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Unclaim" })).toBeNull();
  });

  it("says at once when someone else claims the open task, and stops the form", async () => {
    const stream = fakeEventStream();
    mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/tasks": { body: emptyPage },
      "GET /api/tasks/t1": { body: aTask() },
      "GET /api/tasks/t1/history": { body: [] },
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    expect(((await screen.findByRole("button", { name: "Complete: Reviewed" })) as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(stream.connected).toBe(true));

    act(() => stream.send("task", { kind: "task", taskId: "t1", status: "in-progress", owner: "someone-else", teams: null, userId: null }));

    expect(await screen.findByText("Someone else claimed this task. Only they can complete it now.", { selector: "[data-testid='live-notice'] *" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Complete: Reviewed" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
