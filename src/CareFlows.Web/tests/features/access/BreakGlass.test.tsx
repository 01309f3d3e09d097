import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describeMinutes } from "../../../src/features/access/accessApi";
import { TaskPage } from "../../../src/features/inbox/TaskPage";
import { TaskTable } from "../../../src/features/inbox/TaskTable";
import { coordinator, mockApi, renderElement, renderRoutes } from "../testApp";
import { aTask, antiforgery, emptyPage } from "../inbox/taskFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const refusal = {
  status: 403,
  body: { title: "Forbidden", status: 403, detail: "The task is neither yours nor your teams'. To read it in an emergency, break the glass with a reason." },
};
const grant = { id: "g1", patient: "MRN-40101", reason: "Covering the ward overnight", grantedAt: "2026-11-24T10:00:00Z", expiresAt: "2026-11-24T11:00:00Z" };
const throughGrant = { throughGrant: true, grantId: "g1", grantExpiresAt: "2026-11-24T11:00:00Z", reason: "Covering the ward overnight" };
const otherTeams = aTask({ teams: ["cardio"], access: throughGrant });
/** The server's terms, deliberately not the defaults: the prompt must say and enforce what the server says. */
const terms = { duration: "01:30:00", durationMinutes: 90, minimumReasonLength: 12, maximumReasonLength: 1024 };

/** The server refuses another team's task until the glass is broken, then serves it through the grant. */
function serve(breakGlass: (body: unknown) => { status: number; body: unknown }) {
  let granted = false;
  return mockApi({
    "GET /api/auth/me": { body: coordinator },
    "GET /api/auth/antiforgery": antiforgery,
    "GET /api/tasks": { body: emptyPage },
    "GET /api/tasks/t1": () => (granted ? { body: otherTeams } : refusal),
    "GET /api/tasks/t1/history": () => (granted ? { body: [] } : refusal),
    "GET /api/access/break-glass": { body: terms },
    "POST /api/access/break-glass": (call) => {
      const reply = breakGlass(call.body);
      granted = reply.status === 201;
      return reply;
    },
  });
}

describe("breaking the glass on another team's task", { timeout: 20_000 }, () => {
  it("says how long access lasts and how long a reason must be, as the server states them, then reads the task under a warning", async () => {
    const api = serve(() => ({ status: 201, body: grant }));
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    const prompt = await screen.findByTestId("break-glass");
    expect(within(prompt).getByRole("heading", { name: "You cannot see this task" })).toBeTruthy();
    expect(within(prompt).getByText(/neither yours nor your teams'/)).toBeTruthy();
    const lasts = await within(prompt).findByText(/Access lasts 1 hour 30 minutes\./);
    expect(lasts.textContent).toMatch(/every view you make, are recorded in the audit log and reviewed/);
    expect(within(prompt).getByText(/At least 12 characters/)).toBeTruthy();

    // Eleven characters: enough for the old fixed rule of ten, one short of what this server asks.
    const reason = within(prompt).getByRole("textbox", { name: /Why do you need this patient's tasks/ });
    await user.type(reason, "urgent case");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));
    expect(await within(prompt).findByText("Say why you need this task, in at least 12 characters.")).toBeTruthy();
    expect(api.called("POST", "/api/access/break-glass")).toHaveLength(0);

    await user.type(reason, ": covering the ward overnight");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));

    expect(await screen.findByRole("heading", { name: "Review discharge summary: Ruth Adler" })).toBeTruthy();
    expect(api.called("POST", "/api/access/break-glass")[0].body).toEqual({ task: "t1", reason: "urgent case: covering the ward overnight" });
    const banner = await screen.findByTestId("emergency-banner");
    expect(banner.textContent).toMatch(/Emergency access/);
    expect(banner.textContent).toMatch(/every view is recorded/);
    expect(banner.textContent).toMatch(/Your reason: Covering the ward overnight/);
    expect(within(banner).getByText(/24 Nov 2026/).getAttribute("datetime")).toBe("2026-11-24T11:00:00Z");
    expect(screen.queryByTestId("break-glass")).toBeNull();
    // Read, not worked: the grant does not make the task theirs to claim.
    expect(screen.queryByRole("button", { name: "Claim" })).toBeNull();
  });

  it("shows the server's refusal of the reason beside the field, keeping what was typed", async () => {
    serve(() => ({ status: 422, body: { title: "Break-the-glass access needs a patient and a reason.", status: 422, errors: { "$.reason": ["'reason' is required: why you need this patient's tasks, 12 to 1024 characters."] } } }));
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    const prompt = await screen.findByTestId("break-glass");
    const reason = (await within(prompt).findByRole("textbox", { name: /Why do you need/ })) as HTMLTextAreaElement;
    await user.type(reason, "Need it now, please");
    await user.click(within(prompt).getByRole("button", { name: "Break the glass and read the task" }));
    expect(await within(prompt).findByText(/'reason' is required/)).toBeTruthy();
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(reason.value).toBe("Need it now, please");
  });

  it("says so, with a way to try again, when the terms cannot be loaded, and asks for no reason without them", async () => {
    let failing = true;
    mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/tasks": { body: emptyPage },
      "GET /api/tasks/t1": refusal,
      "GET /api/tasks/t1/history": refusal,
      "GET /api/access/break-glass": () => (failing ? { status: 503, body: { title: "Service Unavailable", status: 503 } } : { body: terms }),
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    const user = userEvent.setup({ delay: null });

    const prompt = await screen.findByTestId("break-glass");
    expect(await within(prompt).findByText("The terms of emergency access could not be loaded")).toBeTruthy();
    expect(within(prompt).queryByRole("textbox")).toBeNull();
    failing = false;
    await user.click(within(prompt).getByRole("button", { name: "Try again" }));
    expect(await within(prompt).findByText(/Access lasts 1 hour 30 minutes\./)).toBeTruthy();
    expect(within(prompt).getByRole("textbox", { name: /Why do you need/ })).toBeTruthy();
  });

  it("takes the server's word for how a task is read: no warning without `access`, whatever teams and grants there are", async () => {
    const api = mockApi({
      "GET /api/auth/me": { body: coordinator },
      "GET /api/tasks": { body: emptyPage },
      // Another team's task, of a patient she holds a grant for, that the server says she reads as of right.
      "GET /api/tasks/t1": { body: aTask({ teams: ["cardio"], access: null }) },
      "GET /api/tasks/t1/history": { body: [] },
      "GET /api/access/grants": { body: [grant] },
    });
    renderRoutes([{ path: "/tasks/:taskId", element: <TaskPage /> }], "/tasks/t1");
    expect(await screen.findByRole("heading", { name: "Review discharge summary: Ruth Adler" })).toBeTruthy();
    await waitFor(() => expect(api.called("GET", "/api/tasks/t1/history")).toHaveLength(1));
    expect(screen.queryByTestId("emergency-banner")).toBeNull();
    expect(api.called("GET", "/api/access/grants")).toHaveLength(0);
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

describe("a list of tasks", () => {
  it("marks the ones shown only through break-the-glass access, and no other", async () => {
    mockApi({ "GET /api/auth/me": { body: coordinator } });
    const tasks = [aTask({ id: "own", title: "Own team's task" }), aTask({ id: "granted", title: "Another team's task", teams: ["cardio"], access: throughGrant })];
    renderElement(<TaskTable tasks={tasks} selectedId={null} sort="due" linkTo={(t) => `/tasks/${t.id}`} onOpen={() => {}} />);

    const rows = await screen.findAllByTestId("task-row");
    const byId = Object.fromEntries(rows.map((row) => [row.getAttribute("data-task-id"), row]));
    expect(within(byId.granted).getByTestId("emergency-badge").textContent).toBe("Emergency access");
    expect(within(byId.own).queryByTestId("emergency-badge")).toBeNull();
  });
});

describe("describeMinutes", () => {
  it.each([
    [60, "1 hour"],
    [90, "1 hour 30 minutes"],
    [1, "1 minute"],
    [45, "45 minutes"],
    [1440, "24 hours"],
    [121, "2 hours 1 minute"],
  ])("%i minutes read as %s", (minutes, words) => {
    expect(describeMinutes(minutes)).toBe(words);
  });
});
