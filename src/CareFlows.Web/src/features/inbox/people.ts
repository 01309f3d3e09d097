import { useCallback } from "react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { get } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { fetchTasks } from "./taskApi";

/**
 * Who is who on a task. The server names owners and actors by user id, while `/api/auth/me` gives the signed-in
 * user's email but not their id; the id is learned from the user's own queue (an open task they hold carries it) or
 * from the answer to their claim. Someone who holds no open task owns none of the open tasks shown, so an unknown id
 * still tells "mine" from "someone else's" for every task that can be worked.
 */
export interface Person {
  id: string;
  email: string;
  displayName: string | null;
  active: boolean;
  roles: string[];
  teams: { id: string; name: string }[];
}

const whoAmIKey = (user: string) => ["who-am-i", user] as const;
const directoryKey = ["user-directory"] as const;

/** Stands for the signed-in user as owner while a claim is on its way. */
export const pendingMe = "(you, claiming)";

export function useMyUserId(): string | null {
  const { user, can } = useAuth();
  const directory = useUserDirectory();
  const learned = useQuery({
    queryKey: whoAmIKey(user?.name ?? ""),
    queryFn: async () => (await fetchTasks({ queue: "mine", pageSize: "1" })).items[0]?.owner ?? null,
    enabled: !!user && can.workTasks,
    staleTime: Infinity,
  });
  const fromDirectory = directory.data?.find((person) => person.email.toLowerCase() === user?.name.toLowerCase())?.id;
  return fromDirectory ?? learned.data ?? null;
}

/** Keeps the user's id once an answer shows it (their claim, their own queue). */
export function rememberMyUserId(queries: QueryClient, user: string, id: string | null | undefined) {
  if (id && id !== pendingMe && !queries.getQueryData(whoAmIKey(user))) queries.setQueryData(whoAmIKey(user), id);
}

export function useRememberMyUserId() {
  const queries = useQueryClient();
  const { user } = useAuth();
  const name = user?.name;
  return useCallback((id: string | null | undefined) => name && rememberMyUserId(queries, name, id), [queries, name]);
}

/** Everyone, with names, for those allowed to read the user directory (administrators); others get nothing. */
export function useUserDirectory() {
  const { can } = useAuth();
  return useQuery({
    queryKey: directoryKey,
    queryFn: async () => (await get<{ items: Person[] }>("/api/admin/users", { query: { active: true, pageSize: 200 } })).items,
    enabled: can.administer,
    staleTime: 5 * 60_000,
  });
}

export function isMe(owner: string | null | undefined, me: string | null) {
  return !!owner && (owner === pendingMe || (me !== null && owner === me));
}

/** How a user id reads on the page: "You", their name when the directory is readable, else a short id. */
export function usePersonLabel() {
  const me = useMyUserId();
  const directory = useUserDirectory();
  return (id: string | null | undefined, nobody = "Nobody"): string => {
    if (!id) return nobody;
    if (isMe(id, me)) return "You";
    const person = directory.data?.find((p) => p.id === id);
    if (person) return person.displayName ?? person.email;
    return `User ${id.slice(0, 8)}`;
  };
}
