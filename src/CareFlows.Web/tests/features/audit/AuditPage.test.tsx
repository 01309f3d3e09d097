import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AuditPage } from "../../../src/features/audit/AuditPage";
import { mockApi, renderRoutes } from "../testApp";
import { aRecord, auditor, page, people } from "./auditFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

const header = (name: string) => screen.getByRole("columnheader", { name: new RegExp(`^${name}`) });
const lastSearch = (api: ReturnType<typeof mockApi>) => api.called("GET", "/api/audit/records").at(-1)!.search;

function serve(records = page([aRecord(), aRecord({ sequence: 41, outcome: "denied", operation: "access.refused", purposeOfUse: null }), aRecord({ sequence: 40, operation: "task.read", action: "R", purposeOfUse: "ETREAT" })], 120)) {
  return mockApi({
    "GET /api/auth/me": { body: auditor },
    "GET /api/people": { body: people },
    "GET /api/audit/records": { body: records },
  });
}

describe("the audit search page", { timeout: 20_000 }, () => {
  it("lists records with denied requests and break-the-glass reads flagged, and links each to its record and its patient", async () => {
    serve();
    renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit");

    const rows = await screen.findAllByTestId("audit-row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText("Denied")).toBeTruthy();
    expect(within(rows[0]).queryByText("Denied")).toBeNull();
    expect(within(rows[2]).getByText("Break-glass (ETREAT)")).toBeTruthy();
    expect(within(rows[0]).getByRole("link", { name: "Record 42" }).getAttribute("href")).toBe("/audit/records/42");
    expect(within(rows[0]).getByRole("link", { name: "Patient/p-100" }).getAttribute("href")).toBe("/audit/patients?patient=Patient%2Fp-100");
    expect(within(rows[0]).getByText("Aisha Bello")).toBeTruthy();
    expect(screen.getByText("1–50 of 120 records")).toBeTruthy();
  });

  it("keeps the filters in the address and sends them, the time range as moments", async () => {
    const api = serve();
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit?page=2");
    await screen.findAllByTestId("audit-row");

    await user.type(screen.getByRole("textbox", { name: "Operation" }), "task.read{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe("?operation=task.read"));
    await waitFor(() => expect(lastSearch(api).get("operation")).toBe("task.read"));
    expect(lastSearch(api).get("page")).toBeNull();

    await user.click(screen.getByRole("combobox", { name: "Outcome" }));
    await user.click(await screen.findByRole("option", { name: "Denied", hidden: true }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get("outcome")).toBe("denied"));

    const from = screen.getByLabelText("From");
    fireEvent.change(from, { target: { value: "2026-11-01T08:00" } });
    fireEvent.blur(from);
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get("from")).toBe("2026-11-01T08:00"));
    await waitFor(() => expect(lastSearch(api).get("from")).toMatch(/^2026-11-01T\d\d:00:00\.000Z$/));
    expect(lastSearch(api).get("outcome")).toBe("denied");

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("filters by an actor picked from the people directory", async () => {
    const api = serve();
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit");
    await screen.findAllByTestId("audit-row");

    await user.click(screen.getByRole("combobox", { name: "Actor" }));
    await user.click(await screen.findByRole("option", { name: /Ben Okafor/, hidden: true }));
    await waitFor(() => expect(router.state.location.search).toBe("?actor=u-ben"));
    await waitFor(() => expect(lastSearch(api).get("actor")).toBe("u-ben"));
  });

  it("sorts by a column, newest first for times, and toggles the direction", async () => {
    const api = serve();
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit");
    await screen.findAllByTestId("audit-row");
    expect(header("#").getAttribute("aria-sort")).toBe("descending");

    await user.click(within(header("Time")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=-occurredAt"));
    await waitFor(() => expect(lastSearch(api).get("sort")).toBe("-occurredAt"));
    expect(header("Time").getAttribute("aria-sort")).toBe("descending");

    await user.click(within(header("Time")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=occurredAt"));

    await user.click(within(header("Operation")).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=operation"));
    expect(header("Operation").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Time").getAttribute("aria-sort")).toBeNull();

    await user.click(within(header("Client address")).getByRole("button"));
    await waitFor(() => expect(lastSearch(api).get("sort")).toBe("clientAddress"));
  });

  it("pages through the records and changes how many a page holds", async () => {
    const api = serve();
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit?outcome=denied");
    await screen.findAllByTestId("audit-row");

    await user.click(screen.getByRole("button", { name: "Page 2" }));
    await waitFor(() => expect(router.state.location.search).toBe("?outcome=denied&page=2"));
    await waitFor(() => expect(lastSearch(api).get("page")).toBe("2"));

    await user.click(screen.getByRole("combobox", { name: "Records per page" }));
    await user.click(await screen.findByRole("option", { name: "100 per page", hidden: true }));
    await waitFor(() => expect(router.state.location.search).toBe("?outcome=denied&pageSize=100"));
    await waitFor(() => expect(lastSearch(api).get("pageSize")).toBe("100"));
  });

  it("shows the server's refusal of a filter beside that filter", async () => {
    mockApi({
      "GET /api/auth/me": { body: auditor },
      "GET /api/people": { body: people },
      "GET /api/audit/records": { status: 422, body: { title: "The request is invalid.", status: 422, errors: { to: ["'To' must be later than 'From'."] } } },
    });
    renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit?from=2026-12-01T00:00&to=2026-11-01T00:00");

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("To: 'To' must be later than 'From'.")).toBeTruthy();
    const to = screen.getByLabelText("To");
    expect(to.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(to.getAttribute("aria-describedby")!.split(" ").find((id) => id.includes("error"))!)?.textContent).toBe("'To' must be later than 'From'.");
    expect(screen.getByLabelText("From").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("exports what the filters match, as CSV and as a FHIR bundle", async () => {
    serve();
    renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit?outcome=denied&sort=operation&page=2");
    await screen.findAllByTestId("audit-row");

    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/audit/export.csv?outcome=denied");
    expect(screen.getByRole("link", { name: "A patient's timeline" }).getAttribute("href")).toBe("/audit/patients");
    expect(screen.getByRole("link", { name: "FHIR AuditEvent bundle" }).getAttribute("href")).toBe("/api/audit/export.fhir?outcome=denied&page=1&pageSize=1000");
  });

  it("verifies the chain: intact, or the first broken record with the problem", async () => {
    let intact = true;
    mockApi({
      "GET /api/auth/me": { body: auditor },
      "GET /api/people": { body: people },
      "GET /api/audit/records": { body: page([aRecord()]) },
      "GET /api/audit/verify": () => ({
        body: intact ? { intact: true, checked: 1234, lastSequence: 1234, brokenAt: null, problem: null } : { intact: false, checked: 17, lastSequence: 1234, brokenAt: 17, problem: "Record 17's hash does not match its content." },
      }),
    });
    const user = userEvent.setup({ delay: null });
    renderRoutes([{ path: "/audit", element: <AuditPage /> }], "/audit");
    await screen.findAllByTestId("audit-row");

    await user.click(screen.getByRole("button", { name: "Verify the audit log" }));
    expect((await screen.findByTestId("verify-result")).textContent).toContain("1234 records checked");

    intact = false;
    await user.click(screen.getByRole("button", { name: "Verify the audit log" }));
    const broken = await screen.findByText(/hash does not match/);
    expect(within(screen.getByTestId("verify-result")).getByRole("link", { name: "record 17" }).getAttribute("href")).toBe("/audit/records/17");
    expect(broken.textContent).toContain("Record 17's hash does not match its content.");
  });
});
