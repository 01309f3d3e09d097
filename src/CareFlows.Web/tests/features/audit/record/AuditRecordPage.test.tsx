import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { AuditRecordPage } from "../../../../src/features/audit/record/AuditRecordPage";
import { mockApi, renderRoutes } from "../../testApp";
import { aRecord, auditor } from "../auditFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("one audit record whole", { timeout: 20_000 }, () => {
  it("shows every field, the reason and user agent, the change field by field with the changed ones marked, the hashes and related links", async () => {
    mockApi({
      "GET /api/auth/me": { body: auditor },
      "GET /api/audit/records/42": {
        body: {
          record: aRecord({ purposeOfUse: "ETREAT" }),
          userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
          reason: "Covering the ward overnight",
          before: { status: "ready", owner: null, priority: "urgent" },
          after: { status: "in-progress", owner: "u-aisha", priority: "urgent" },
          previousHash: "aa11",
          hash: "bb22",
        },
      },
    });
    renderRoutes([{ path: "/audit/records/:sequence", element: <AuditRecordPage /> }], "/audit/records/42");

    expect(await screen.findByRole("heading", { name: "Record 42: task.claim" })).toBeTruthy();
    expect(screen.getByText("Covering the ward overnight")).toBeTruthy();
    expect(screen.getByText("Mozilla/5.0 (X11; Linux x86_64)")).toBeTruthy();
    expect(screen.getByText("aa11")).toBeTruthy();
    expect(screen.getByText("bb22")).toBeTruthy();
    expect(screen.getByText("10.0.0.7")).toBeTruthy();
    expect(screen.getAllByText("Break-glass (ETREAT)").length).toBeGreaterThan(0);

    const diff = screen.getByTestId("json-diff");
    expect(within(diff).getByText("2 of 3 fields changed.")).toBeTruthy();
    const row = (field: string) => within(diff).getByRole("rowheader", { name: field }).closest("tr")!;
    expect(row("status").getAttribute("data-change")).toBe("changed");
    expect(within(row("status")).getByText("Changed")).toBeTruthy();
    expect(within(row("status")).getByText('"ready"')).toBeTruthy();
    expect(within(row("status")).getByText('"in-progress"')).toBeTruthy();
    expect(row("priority").getAttribute("data-change")).toBe("unchanged");
    expect(within(row("priority")).queryByText("Changed")).toBeNull();

    const related = screen.getByRole("navigation", { name: "Related" });
    expect(within(related).getByRole("link", { name: "The instance's timeline" }).getAttribute("href")).toBe("/audit/instances/i1");
    expect(within(related).getByRole("link", { name: "The patient's timeline" }).getAttribute("href")).toBe("/audit/patients?patient=Patient%2Fp-100");
    expect(within(related).getByRole("link", { name: "Everything by this actor" }).getAttribute("href")).toBe("/audit?actor=u-aisha");
  });

  it("says when there is no such record", async () => {
    mockApi({ "GET /api/auth/me": { body: auditor }, "GET /api/audit/records/9": { status: 404, body: { title: "Not found", status: 404, detail: "The audit log has no record 9." } } });
    renderRoutes([{ path: "/audit/records/:sequence", element: <AuditRecordPage /> }], "/audit/records/9");
    expect(await screen.findByText("There is no such record")).toBeTruthy();
    expect(screen.getByText("The audit log has no record 9.")).toBeTruthy();
  });
});
