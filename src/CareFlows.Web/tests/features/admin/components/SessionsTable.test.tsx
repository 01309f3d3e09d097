import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Session } from "../../../../src/features/admin/api";
import { SessionsTable } from "../../../../src/features/admin/components/SessionsTable";
import { fakeFetch, renderWithProviders } from "../renderWithProviders";

const session = (changes: Partial<Session>): Session => ({
  id: "s1",
  userId: "u1",
  email: "coordinator@careflows.local",
  displayName: "Cora Coordinator",
  transport: "Cookie",
  startedAt: "2026-11-30T09:00:00Z",
  lastSeenAt: "2026-11-30T09:30:00Z",
  expiresAt: "2026-11-30T21:00:00Z",
  state: "Active",
  endedAt: null,
  endReason: null,
  clientAddress: "10.0.0.7",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  current: false,
  ...changes,
});

afterEach(() => vi.unstubAllGlobals());

describe("SessionsTable", () => {
  it("offers Revoke only for active sessions, and says how each ended", () => {
    renderWithProviders(
      <SessionsTable
        showUser
        caption="Newest first."
        sessions={[session({}), session({ id: "s2", state: "Ended", endReason: "Revoked", endedAt: "2026-11-30T10:00:00Z" }), session({ id: "s3", state: "Idle" })]}
      />,
    );

    expect(screen.getAllByRole("button", { name: /^Revoke session of/ })).toHaveLength(1);
    expect(screen.getByText("Ended: revoked")).toBeTruthy();
    expect(screen.getByText("Timed out (idle)")).toBeTruthy();
    expect(screen.getAllByText("Chrome on Windows")).toHaveLength(3);
  });

  it("asks before revoking, warns an admin about their own session, and revokes on confirmation", async () => {
    const user = userEvent.setup();
    const api = fakeFetch((url) => {
      if (url.pathname === "/api/auth/antiforgery") return { body: { headerName: "X-CSRF-TOKEN", token: "t" } };
      if (url.pathname === "/api/admin/sessions/s1/revoke") return { body: session({ state: "Ended", endReason: "Revoked", current: true }) };
      return { status: 404, body: { title: "Not found" } };
    });
    vi.stubGlobal("fetch", api.fetch);
    renderWithProviders(<SessionsTable showUser={false} caption="Newest first." sessions={[session({ current: true })]} />);

    expect(screen.getByText("This session")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /^Revoke session of/ }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke this session?" });
    expect(within(dialog).getByText("This is your own session")).toBeTruthy();
    expect(api.calls.some((c) => c.url.pathname.endsWith("/revoke"))).toBe(false);

    await user.click(within(dialog).getByRole("button", { name: "Revoke session" }));

    await waitFor(() => expect(api.calls.some((c) => c.url.pathname === "/api/admin/sessions/s1/revoke" && c.init.method === "POST")).toBe(true));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("keeps the dialog open and says why when the revoke fails", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      fakeFetch((url) =>
        url.pathname === "/api/auth/antiforgery"
          ? { body: { headerName: "X-CSRF-TOKEN", token: "t" } }
          : { status: 404, body: { title: "Not Found", status: 404, detail: "Session 's1' does not exist." } },
      ).fetch,
    );
    renderWithProviders(<SessionsTable showUser={false} caption="Newest first." sessions={[session({})]} />);

    await user.click(screen.getByRole("button", { name: /^Revoke session of/ }));
    await user.click(await screen.findByRole("button", { name: "Revoke session" }));

    const dialog = screen.getByRole("dialog");
    expect(await within(dialog).findByText("Session 's1' does not exist.")).toBeTruthy();
  });
});
