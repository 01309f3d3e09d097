import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client";

/** An identity provider one can sign in through (`GET /api/auth/providers`). */
export interface ExternalProvider {
  id: string;
  displayName: string;
}

/** The providers the server offers; none while it has none configured, or cannot say. */
export function useExternalProviders(): ExternalProvider[] {
  const providers = useQuery({
    queryKey: ["auth", "providers"],
    queryFn: () => get<ExternalProvider[]>("/api/auth/providers", { anonymous: true }),
    staleTime: Infinity,
    retry: false,
  });
  return providers.data ?? [];
}

/** The server's address that starts signing in through `provider`, coming back to `returnTo` (a path in the app). */
export function externalSignInUrl(provider: ExternalProvider, returnTo: string | null): string {
  return `/api/auth/external/${encodeURIComponent(provider.id)}?returnUrl=${encodeURIComponent(returnTo ?? "/")}`;
}

/**
 * What the sign-in page says when the server sends the browser back from a provider with `?error=` (the codes of
 * Auth/OpenIdConnect/ExternalSignInErrors.cs): what happened, and what to do.
 */
export function externalSignInError(code: string | null, providerName: string): string | null {
  switch (code) {
    case null:
    case "":
      return null;
    case "sso-failed":
      return `${providerName} could not confirm who you are, or its answer could not be checked. Try again; if it keeps happening, tell your administrator.`;
    case "sso-cancelled":
      return `Signing in with ${providerName} was cancelled or refused there. Try again, or sign in with your email and password.`;
    case "sso-deactivated":
      return "Your CareFlows account is deactivated. Ask an administrator to reactivate it.";
    case "sso-no-email":
      return `${providerName} did not give CareFlows your email address, which your account needs. Ask your administrator to have ${providerName} send it.`;
    case "sso-unavailable":
      return `CareFlows could not reach ${providerName} just now. Try again in a few minutes, or sign in with your email and password.`;
    case "sso-email-taken":
      return `A CareFlows account with your email already exists and signs in with a password. Sign in below with your email and password, or ask an administrator.`;
    default:
      return "Signing in did not work. Try again.";
  }
}
