import type { ReactNode } from "react";
import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter } from "react-router";

/** Renders with the providers pages need, a fresh query cache per test, and no retries. */
export function renderWithProviders(ui: ReactNode, { path = "/" }: { path?: string } = {}) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return {
    queries,
    ...render(
      <MantineProvider>
        <QueryClientProvider client={queries}>
          <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}

/** Answers fetch calls by URL and method, recording what was asked. */
export function fakeFetch(answer: (url: URL, init: RequestInit) => { status?: number; body?: unknown }) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), "http://localhost");
    calls.push({ url, init });
    const { status = 200, body } = answer(url, init);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}
