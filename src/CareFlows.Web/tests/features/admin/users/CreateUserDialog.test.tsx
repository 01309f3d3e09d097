import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AuthProvider } from "../../../../src/auth/AuthContext";
import { CreateUserDialog } from "../../../../src/features/admin/users/CreateUserDialog";
import { fakeFetch, renderWithProviders } from "../renderWithProviders";

const me = { name: "admin@careflows.local", roles: ["Admin"], teams: [], userId: "a1", displayName: "Ada Admin", email: "admin@careflows.local", timeZone: "America/New_York" };

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe("CreateUserDialog", () => {
  it("shows the server's refusal by field, with a summary linking to each, and keeps what was typed", async () => {
    const user = userEvent.setup();
    const api = fakeFetch((url, init) => {
      if (url.pathname === "/api/auth/me") return { body: me };
      if (url.pathname === "/api/auth/antiforgery") return { body: { headerName: "X-CSRF-TOKEN", token: "t" } };
      if (url.pathname === "/api/admin/teams") return { body: [] };
      if (url.pathname === "/api/admin/users" && init.method === "POST")
        return {
          status: 422,
          body: {
            title: "The request is invalid.",
            status: 422,
            errors: { "$.email": ["'email' is not a valid email address."], "$.roles": ["'roles' must name at least one of ClinicalLead, Coordinator, Auditor, Admin."] },
          },
        };
      return { status: 404, body: { title: "Not found" } };
    });
    vi.stubGlobal("fetch", api.fetch);
    renderWithProviders(
      <AuthProvider>
        <CreateUserDialog opened onClose={() => {}} />
      </AuthProvider>,
    );

    const dialog = await screen.findByRole("dialog", { name: "Create user" });
    await user.type(within(dialog).getByRole("textbox", { name: /Email/ }), "not-an-email");
    await user.type(within(dialog).getByRole("textbox", { name: /Display name/ }), "Noor Haddad");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));

    const summary = await within(dialog).findByRole("alert");
    expect(within(summary).getByRole("link", { name: "'email' is not a valid email address." }).getAttribute("href")).toBe("#user-email");
    expect(within(summary).getByRole("link", { name: /'roles' must name at least one/ }).getAttribute("href")).toBe("#user-roles");
    // The message also sits beside its field.
    expect(within(dialog).getAllByText("'email' is not a valid email address.")).toHaveLength(2);
    expect((within(dialog).getByRole("textbox", { name: /Email/ }) as HTMLInputElement).value).toBe("not-an-email");
    const sent = api.calls.find((c) => c.url.pathname === "/api/admin/users" && c.init.method === "POST");
    expect(JSON.parse(String(sent?.init.body))).toMatchObject({ email: "not-an-email", displayName: "Noor Haddad", roles: [], teams: [] });
  });

  it("never keeps the password in the draft that survives an expired session", async () => {
    const user = userEvent.setup();
    vi.stubGlobal("fetch", fakeFetch((url) => (url.pathname === "/api/auth/me" ? { body: me } : { body: [] })).fetch);
    renderWithProviders(
      <AuthProvider>
        <CreateUserDialog opened onClose={() => {}} />
      </AuthProvider>,
    );

    const dialog = await screen.findByRole("dialog", { name: "Create user" });
    await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /Display name/ })).toBeTruthy());
    await user.type(within(dialog).getByRole("textbox", { name: /Display name/ }), "Noor");
    await user.type(within(dialog).getByLabelText(/Initial password/), "Secret-Password-1");

    const stored = Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key) ?? "");
    expect(stored.some((value) => value.includes("Noor"))).toBe(true);
    expect(stored.some((value) => value.includes("Secret-Password-1"))).toBe(false);
  });
});
