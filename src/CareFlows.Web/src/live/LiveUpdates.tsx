import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { get } from "../api/client";
import { useAuth } from "../auth/AuthContext";

/** One committed change the server streamed (`task`, `notification`, …): ids and status only; details are read through the API. */
export interface LiveEvent {
  kind: string;
  data: Record<string, unknown> | null;
}

type Listener = (event: LiveEvent) => void;

interface LiveState {
  connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<LiveState>({ connected: false, subscribe: () => () => {} });

/**
 * Holds the one Server-Sent Events connection to `/api/inbox/stream` while a user who has an inbox is signed in.
 * Every event marks task and notification queries stale, so open lists refresh themselves; pages that need more
 * subscribe. EventSource reconnects by itself after a drop.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const { user, can } = useAuth();
  const queries = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const enabled = !!user && can.readInbox;

  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/inbox/stream", { withCredentials: true });
    const deliver = (kind: string) => (message: MessageEvent) => {
      let data: Record<string, unknown> | null = null;
      try {
        data = message.data ? JSON.parse(message.data) : null;
      } catch {
        data = null;
      }
      if (kind === "task") void queries.invalidateQueries({ queryKey: ["tasks"] });
      if (kind === "notification") void queries.invalidateQueries({ queryKey: ["notifications"] });
      listeners.current.forEach((listener) => listener({ kind, data }));
    };
    source.addEventListener("ready", () => setConnected(true));
    source.addEventListener("task", deliver("task"));
    source.addEventListener("notification", deliver("notification"));
    source.onerror = () => {
      setConnected(false);
      // The browser gives up reconnecting when the server refuses the stream, as it does once the session has ended:
      // asking who is signed in then notices it, and sends the user to sign in.
      if (source.readyState === EventSource.CLOSED) void get("/api/auth/me").catch(() => undefined);
    };
    return () => {
      source.close();
      setConnected(false);
    };
  }, [enabled, queries]);

  const value = useRef<LiveState>({
    connected: false,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  });
  return <LiveContext.Provider value={{ ...value.current, connected }}>{children}</LiveContext.Provider>;
}

/** Calls `listener` for every streamed event while the component is mounted. */
export function useLiveEvents(listener: Listener) {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}

export function useLiveConnected() {
  return useContext(LiveContext).connected;
}
