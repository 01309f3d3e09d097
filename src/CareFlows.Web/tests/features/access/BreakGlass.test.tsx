import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPage } from "../../../src/features/inbox/TaskPage";
import { coordinator, mockApi, renderRoutes } from "../testApp";
import { aTask, antiforgery, emptyPage } from "../inbox/taskFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const refusal = {
  status: 403,
  body: { title: "Forbidden", status: 403, detail: "The task is neither yours nor your teams'. To read it in an emergency, break the glass with a reason." },
};
const otherTeams = aTask({ teams: ["cardio"] });
const grant = { id: "g1", patient: "MRN-40101", reason: "Covering the ward overnight", grantedAt: "2026-11-24T10:00:00Z", expiresAt: "2026-11-24T11:00:00Z" };

/** The server refuses another team's task until the glass is broken, then serves it through the grant. */
function serve(breakGlass: (body: unknown) => { status: number; body: unknown }) {
  let granted = false;
  return mockApi({
    "GET /api/auth/me": { body: coordinator },
    "GET /api/auth/antiforgery": antiforgery,
    "GET /api/tasks": { body: emptyPage },
    "GET /api/tasks/t1": () => (granted ? { body: otherTeams } : refusal),
    "GET /api/tasks/t1/history": () => (granted ? { body: [] } : refusal),
    "GET /api/access/grants": () => ({ body: granted ? [grant] : [] }),
    "POST /api/access/break-glass": (call) => {
      const reply = breakGlass(call.body);
      granted = reply.status === 201;
      return reply;
    },
  });
}

describe("breaking the glass on another team's task", { timeout: 20_000 }, () => {
  it("says why the task is refused, asks for a reason of ten characters or more, then reads the task under a warning", async () => {
    const api = serve(() => ({ status: 201, body: grant }));
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    const prompt = await screen.findByTestId("break-glass");
    expect(within(prompt).getByRole("heading", { name: "You cannot see this task" })).toBeTruthy();
    expect(within(prompt).getByText(/neither yours nor your teams'/)).toBeTruthy();
    expect(within(prompt).getByText(/Access lasts an hour/).textContent).toMatch(/every view you make, are recorded in the audit log and reviewed/);

    const reason = within(prompt).getByRole("textbox", { name: /Why do you need this patient's tasks/ });
    await user.type(reason, "urgent");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));
    expect(await within(prompt).findByText("Say why you need this task, in at least 10 characters.")).toBeTruthy();
    expect(api.called("POST", "/api/access/break-glass")).toHaveLength(0);

    await user.type(reason, ": covering the ward overnight");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));

    expect(await screen.findByRole("heading", { name: "Review discharge summary: Ruth Adler" })).toBeTruthy();
    expect(api.called("POST", "/api/access/break-glass")[0].body).toEqual({ task: "t1", reason: "urgent: covering the ward overnight" });
    const banner = await screen.findByTestId("emergency-banner");
    expect(banner.textContent).toMatch(/Emergency access/);
    expect(banner.textContent).toMatch(/every view is recorded/);
    expect(within(banner).getByText(/24 Nov 2026/).getAttribute("datetime")).toBe("2026-11-24T11:00:00Z");
    expect(screen.queryByTestId("break-glass")).toBeNull();
    // Read, not worked: the grant does not make the task theirs to claim.
    expect(screen.queryByRole("button", { name: "Claim" })).toBeNull();
  });

  it("shows the server's refusal of the reason beside the field, keeping what was typed", async () => {
    serve(() => ({ status: 422, body: { title: "Break-the-glass access needs a patient and a reason.", status: 422, errors: { "$.reason": ["'reason' is required: why you need this patient's tasks, 10 to 1024 characters."] } } }));
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    const prompt = await screen.findByTestId("break-glass");
    const reason = within(prompt).getByRole("textbox", { name: /Why do you need/ }) as HTMLTextAreaElement;
    await user.type(reason, "Need it now, please");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));
    expect(await within(prompt).findByText(/'reason' is required/)).toBeTruthy();
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(reason.value).toBe("Need it now, please");
  });

  it("shows no warning on a task of the coordinator's own team, even with a grant for its patient", async () => {
    mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/tasks": { body: emptyPage },
      "GET /api/tasks/t1": { body: aTask() },
      "GET /api/tasks/t1/history": { body: [] },
      "GET /api/access/grants": { body: [grant] },
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    expect(await screen.findByRole("heading", { name: "Review discharge summary: Ruth Adler" })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("button", { name: "Complete: Reviewed" })).toBeTruthy());
    expect(screen.queryByTestId("emergency-banner")).toBeNull();
  });

  it("offers no glass to break to an auditor who is refused", async () => {
    mockApi({
      "GET /api/auth/me": { body: { ...coordinator, roles: ["Auditor"], teams: [] } },
      "GET /api/tasks": { body: emptyPage },
      "GET /api/tasks/t1": refusal,
      "GET /api/tasks/t1/history": refusal,
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    expect(await screen.findByText("The task could not be loaded")).toBeTruthy();
    expect(screen.queryByTestId("break-glass")).toBeNull();
  });
});
