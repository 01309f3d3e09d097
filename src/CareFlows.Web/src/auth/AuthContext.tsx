import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post, resetAntiforgery, setUnauthorizedHandler } from "../api/client";
import { ApiError } from "../api/problem";
import { setOrganisationTimeZone } from "../components/format";
import { clearAllDrafts } from "./drafts";
import { abilities, type Abilities, type CurrentUser } from "./roles";

interface AuthState {
  user: CurrentUser | null;
  can: Abilities;
  loading: boolean;
  /** True once a request came back 401 while signed in: the session expired or was revoked. */
  expired: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const meQueryKey = ["auth", "me"] as const;

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    const me = await get<CurrentUser>("/api/auth/me", { anonymous: true });
    setOrganisationTimeZone(me.timeZone);
    return me;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity });
  const [expired, setExpired] = useState(false);
  const user = me.data ?? null;

  useEffect(() => {
    setUnauthorizedHandler(() => setExpired(true));
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      await post("/api/auth/login", { email, password }, { query: { useCookies: true }, anonymous: true });
      resetAntiforgery();
      const signedIn = await fetchMe();
      // Another user's cached answers must never show to this one.
      if (user && signedIn && user.name !== signedIn.name) queries.clear();
      queries.setQueryData(meQueryKey, signedIn);
      setExpired(false);
    },
    [queries, user],
  );

  const signOut = useCallback(async () => {
    try {
      await post("/api/auth/logout");
    } finally {
      clearAllDrafts();
      resetAntiforgery();
      queries.clear();
      queries.setQueryData(meQueryKey, null);
      setExpired(false);
    }
  }, [queries]);

  const value = useMemo<AuthState>(
    () => ({ user: expired ? null : user, can: abilities(expired ? null : user), loading: me.isLoading, expired, signIn, signOut }),
    [user, expired, me.isLoading, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}
