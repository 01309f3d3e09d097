import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryRouter, RouterProvider } from "react-router";
import { AuthProvider } from "../../src/auth/AuthContext";
import { SignInPage } from "../../src/auth/SignInPage";
import { theme } from "../../src/theme";
import { mockApi } from "../features/testApp";

const notSignedIn = { status: 401, body: { title: "Unauthorized", status: 401 } };
const hospitalSso = { body: [{ id: "oidc", displayName: "Hospital SSO" }] };

function renderSignIn(at: string) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: "/sign-in", element: <SignInPage /> }], { initialEntries: [at] });
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queries}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("SignInPage with an identity provider", () => {
  it("offers to sign in with each provider, coming back to where the person was going", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?returnTo=%2Ftasks%2F42");

    const link = await screen.findByRole("link", { name: "Sign in with Hospital SSO" });
    expect(link.getAttribute("href")).toBe("/api/auth/external/oidc?returnUrl=%2Ftasks%2F42");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
  });

  it("does not send the provider on to another site's address", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?returnTo=%2F%2Fevil.example%2F");

    const link = await screen.findByRole("link", { name: "Sign in with Hospital SSO" });
    expect(link.getAttribute("href")).toBe("/api/auth/external/oidc?returnUrl=%2F");
  });

  it("shows no provider button when the server has none, or cannot say", async () => {
    const api = mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": { body: [] } });

    renderSignIn("/sign-in");

    await screen.findByRole("button", { name: "Sign in" });
    await vi.waitFor(() => expect(api.called("GET", "/api/auth/providers")).toHaveLength(1));
    expect(screen.queryByRole("link", { name: /Sign in with/ })).toBeNull();
    expect(screen.queryByText(/or with your CareFlows password/)).toBeNull();
  });

  it("says why a provider's sign-in was refused, and what to do", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?error=sso-deactivated&returnTo=%2Finbox");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Your CareFlows account is deactivated. Ask an administrator to reactivate it.");
    expect((await screen.findByRole("link", { name: "Sign in with Hospital SSO" })).getAttribute("href")).toBe("/api/auth/external/oidc?returnUrl=%2Finbox");
  });

  it("names the provider in the message when its answer could not be checked", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?error=sso-failed");

    await screen.findByRole("link", { name: "Sign in with Hospital SSO" });
    expect(screen.getByRole("alert").textContent).toContain("Hospital SSO could not confirm who you are");
  });

  it("says the provider could not be reached, and offers the password form meanwhile", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?error=sso-unavailable");

    await screen.findByRole("link", { name: "Sign in with Hospital SSO" });
    expect(screen.getByRole("alert").textContent).toContain("could not reach Hospital SSO just now");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
  });

  it("shows a plain message for a code it does not know", async () => {
    mockApi({ "GET /api/auth/me": notSignedIn, "GET /api/auth/providers": hospitalSso });

    renderSignIn("/sign-in?error=something-new");

    expect((await screen.findByRole("alert")).textContent).toContain("Signing in did not work. Try again.");
  });

  it("replaces the provider's message with the form's own once the person signs in with a password", async () => {
    mockApi({
      "GET /api/auth/me": notSignedIn,
      "GET /api/auth/providers": hospitalSso,
      "POST /api/auth/login": { status: 401, body: { title: "Unauthorized", status: 401, detail: "Sign-in failed. Check the email and password." } },
    });
    renderSignIn("/sign-in?error=sso-email-taken");
    expect((await screen.findByRole("alert")).textContent).toContain("already exists and signs in with a password");

    await userEvent.type(screen.getByLabelText(/Email/), "ana@hospital.example");
    await userEvent.type(screen.getByLabelText(/Password/), "wrong-password-1");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    await vi.waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Sign-in failed. Check the email and password."));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });
});
