import { useEffect, useRef, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { get } from "../api/client";
import { Center, Loader } from "@mantine/core";
import { useAuth } from "./AuthContext";
import type { Abilities } from "./roles";

/** Sends anyone not signed in (or whose session ended) to sign in, remembering where they were. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, expired } = useAuth();
  const location = useLocation();
  useSessionCheckOnNavigation(location.pathname);
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!user) {
    const returnTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?returnTo=${returnTo}${expired ? "&expired=1" : ""}`} replace />;
  }
  return <>{children}</>;
}

/** A page only some roles may open: others see why, rather than a broken page. */
export function RequireAbility({ ability, children }: { ability: keyof Abilities; children: ReactNode }) {
  const { can } = useAuth();
  if (!can[ability]) return <Navigate to="/forbidden" replace />;
  return <>{children}</>;
}

/**
 * Asks the server who is signed in at every move to another page, so that a session revoked or timed out is noticed
 * there (the 401 ends it) even when the page shows what it already holds without asking the server anything.
 */
function useSessionCheckOnNavigation(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void get("/api/auth/me").catch(() => undefined);
  }, [pathname]);
}
