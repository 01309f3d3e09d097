import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InstanceTimelinePage } from "../../../../src/features/audit/timeline/InstanceTimelinePage";
import { PatientTimelinePage } from "../../../../src/features/audit/timeline/PatientTimelinePage";
import { mockApi, renderRoutes } from "../../testApp";
import { auditor } from "../auditFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

const entries = [
  { at: "2026-11-24T10:00:00Z", source: "journal", what: "Started", instanceId: "i1", taskId: null, actorId: null, actorName: null, outcome: null, sequence: null, details: { activity: "start" } },
  { at: "2026-11-24T10:05:00Z", source: "task", what: "claimed", instanceId: "i1", taskId: "t1", actorId: "u-aisha", actorName: "Aisha Bello", outcome: null, sequence: null, details: null },
  { at: "2026-11-24T10:06:00Z", source: "audit", what: "task.read", instanceId: "i1", taskId: "t1", actorId: "u-ben", actorName: "Ben Okafor", outcome: "denied", sequence: 77, details: null },
];

describe("timelines", { timeout: 20_000 }, () => {
  it("mixes an instance's journal, task history and audit records in one list, each with its source", async () => {
    mockApi({ "GET /api/auth/me": { body: auditor }, "GET /api/audit/instances/i1/timeline": { body: { subject: "i1", items: entries, truncated: true } } });
    renderRoutes([{ path: "/audit/instances/:instanceId", element: <InstanceTimelinePage /> }], "/audit/instances/i1");

    const rows = await screen.findAllByTestId("timeline-entry");
    expect(rows.map((row) => row.getAttribute("data-source"))).toEqual(["journal", "task", "audit"]);
    expect(within(rows[0]).getByText("Engine")).toBeTruthy();
    expect(within(rows[0]).getByText("activity: start")).toBeTruthy();
    expect(within(rows[1]).getByText("Task")).toBeTruthy();
    expect(within(rows[1]).getByText("Aisha Bello")).toBeTruthy();
    expect(within(rows[2]).getByText("Audit")).toBeTruthy();
    expect(within(rows[2]).getByText("Denied")).toBeTruthy();
    expect(within(rows[2]).getByRole("link", { name: "task.read, record 77" }).getAttribute("href")).toBe("/audit/records/77");
    expect(screen.getByText(/these are the newest 3 entries/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Its audit records" }).getAttribute("href")).toBe("/audit?instance=i1");
  });

  it("flags a break-the-glass read with its reason, and no other purpose", async () => {
    const reads = [
      { ...entries[2], outcome: "success", sequence: 78, purposeOfUse: "ETREAT", reason: "Covering the ward tonight." },
      { ...entries[2], outcome: "success", sequence: 79, purposeOfUse: "TREAT", reason: null },
    ];
    mockApi({ "GET /api/auth/me": { body: auditor }, "GET /api/audit/instances/i1/timeline": { body: { subject: "i1", items: reads, truncated: false } } });
    renderRoutes([{ path: "/audit/instances/:instanceId", element: <InstanceTimelinePage /> }], "/audit/instances/i1");

    const rows = await screen.findAllByTestId("timeline-entry");
    expect(within(rows[0]).getByText("Break-glass (ETREAT)").closest("[data-flag]")?.getAttribute("data-flag")).toBe("emergency");
    expect(within(rows[1]).queryByText(/TREAT/)).toBeNull();
  });

  it("shows a patient's timeline for the patient named in the address, and another when one is typed", async () => {
    const api = mockApi({
      "GET /api/auth/me": { body: auditor },
      "GET /api/audit/patients/timeline": (call) => ({ body: { subject: call.search.get("patient"), items: call.search.get("patient") === "Patient/p-100" ? entries : [], truncated: false } }),
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderRoutes([{ path: "/audit/patients", element: <PatientTimelinePage /> }], "/audit/patients?patient=Patient%2Fp-100");

    expect(await screen.findAllByTestId("timeline-entry")).toHaveLength(3);
    expect(api.called("GET", "/api/audit/patients/timeline")[0].search.get("patient")).toBe("Patient/p-100");

    const field = screen.getByRole("textbox", { name: "Patient" });
    await user.clear(field);
    await user.type(field, "MRN-9{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe("?patient=MRN-9"));
    expect(await screen.findByText("Nothing is recorded for MRN-9.")).toBeTruthy();
  });
});
