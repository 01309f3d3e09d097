import type { ReactElement } from "react";
import { configure, render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { vi } from "vitest";
import { AuthProvider } from "../../src/auth/AuthContext";
import { RequireAuth } from "../../src/auth/RequireAuth";
import { LiveUpdatesProvider } from "../../src/live/LiveUpdates";
import { theme } from "../../src/theme";

// Whole pages render slowly in jsdom on a busy machine; waiting longer for them is not a sign of a fault.
configure({ asyncUtilTimeout: 5000 });

export interface ApiCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

type Reply = { status?: number; body?: unknown } | undefined;
type Handler = (call: ApiCall, calls: ApiCall[]) => Reply;

/**
 * A stand-in for the server: `fetch` answered by handlers keyed `"GET /api/tasks"` (the path without its query), with
 * every call kept for assertions. Unhandled calls answer 404, as an unknown route would.
 */
export function mockApi(handlers: Record<string, Handler | Reply>) {
  const calls: ApiCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const call: ApiCall = { method, path: url.pathname, search: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    const reply = typeof handler === "function" ? handler(call, calls) : handler;
    const status = reply ? (reply.status ?? 200) : 404;
    const body = reply ? reply.body : { title: "Not Found", status: 404 };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock, called: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export const coordinator = { name: "coordinator@careflows.local", userId: "u-me", roles: ["Coordinator"], teams: [{ id: "toc", name: "Transitions of care" }] };

/** Renders routes at an address inside the app's providers, signed in as `user`. */
export function renderRoutes(routes: RouteObject[], at: string) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  // Pages render once the user is known, as RequireAuth does in the app.
  const signedIn = routes.map((route) => ({ ...route, element: <RequireAuth>{route.element}</RequireAuth> }));
  const router = createMemoryRouter([...signedIn, { path: "/sign-in", element: <p>Sign in</p> }], { initialEntries: [at] });
  // env="test": no transitions, and popovers show although jsdom lays nothing out.
  const result = render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queries}>
        <AuthProvider>
          <LiveUpdatesProvider>
            <RouterProvider router={router} />
          </LiveUpdatesProvider>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, router, queries };
}

export function renderElement(element: ReactElement, at = "/") {
  return renderRoutes([{ path: "*", element }], at);
}

/** The inbox stream, played by the test: `send("task", {...})` delivers an event as the server would. */
export function fakeEventStream() {
  const sources: FakeEventSource[] = [];
  class FakeEventSource {
    listeners = new Map<string, ((event: MessageEvent) => void)[]>();
    onerror: (() => void) | null = null;
    constructor(readonly url: string) {
      sources.push(this);
    }
    addEventListener(kind: string, listener: (event: MessageEvent) => void) {
      this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
    }
    close() {}
  }
  vi.stubGlobal("EventSource", FakeEventSource);
  return {
    send(kind: string, data: unknown) {
      for (const source of sources) for (const listener of source.listeners.get(kind) ?? []) listener(new MessageEvent(kind, { data: JSON.stringify(data) }));
    },
    get connected() {
      return sources.length > 0;
    },
  };
}
