import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MetricPage } from "../../../../src/features/metrics/MetricPage";
import { mockApi, renderRoutes } from "../../testApp";
import { aPage, anItem, auditor, contactMetric, lead } from "./metricFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const route = [{ path: "/metrics/:id", element: <MetricPage /> }];

function serve(user: object, items: Parameters<typeof mockApi>[0][string] = () => ({ body: aPage() })) {
  return mockApi({
    "GET /api/auth/me": { body: user },
    "GET /api/metrics/tcm-contact": { body: contactMetric },
    "GET /api/metrics/tcm-contact/items": items,
  });
}

/** The figures table is there: whole pages with charts render slowly in jsdom on a busy machine. */
const figuresShown = () => screen.findByText(/^Every figure of this metric/, {}, { timeout: 15_000 });

describe("the items behind a metric", { timeout: 40_000 }, () => {
  it("opens the items a ratio missed from its count, each linked to its instance and task", async () => {
    const api = serve(auditor);
    const { router } = renderRoutes(route, "/metrics/tcm-contact?period=custom&from=2026-10-01&to=2026-10-31");
    const user = userEvent.setup({ delay: null });

    await figuresShown();
    await user.click(screen.getByRole("link", { name: /^9: list the items not counted of Interactive contact by the deadline/ }));

    expect(await screen.findByRole("heading", { name: "Interactive contact by the deadline: not counted" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Items" });
    const row = within(table).getAllByTestId("metric-item")[0];
    expect(within(row).getByText("Ruth Adler")).toBeTruthy();
    expect(within(row).getByText("MRN-40101")).toBeTruthy();
    expect(within(row).getByText("Missed")).toBeTruthy();
    expect(within(row).getByRole("link", { name: "Instance of Ruth Adler" }).getAttribute("href")).toBe("/instances/i1");
    expect(within(row).getByRole("link", { name: "Task of Ruth Adler" }).getAttribute("href")).toBe("/tasks/t1");
    const call = api.called("GET", "/api/metrics/tcm-contact/items").at(-1)!;
    expect(call.search.get("ratio")).toBe("contactRate");
    expect(call.search.get("in")).toBe("missed");
    expect(call.search.get("from")).toBeTruthy();
    expect(call.search.get("team")).toBeNull();
    expect(new URLSearchParams(router.state.location.search).get("items")).toBe("contactRate");
    expect(screen.getByText(/9 items: eligible discharges, but not/)).toBeTruthy();
  });

  it("keeps its order, page and set in the address and asks the server for them", async () => {
    const api = serve(auditor, (call) => ({
      body: aPage({ total: 120, page: Number(call.search.get("page") ?? 1), sort: call.search.get("sort") ?? "counted", in: (call.search.get("in") ?? "denominator") as "missed" }),
    }));
    const { router } = renderRoutes(route, "/metrics/tcm-contact?items=contactRate&in=missed");
    const user = userEvent.setup({ delay: null });
    const search = () => new URLSearchParams(router.state.location.search);

    await user.click(await screen.findByRole("button", { name: "Patient: sort ascending" }));
    await waitFor(() => expect(search().get("itemsSort")).toBe("patient"));
    await waitFor(() => expect(api.called("GET", "/api/metrics/tcm-contact/items").at(-1)!.search.get("sort")).toBe("patient"));
    expect((await screen.findByRole("columnheader", { name: /Patient/ })).getAttribute("aria-sort")).toBe("ascending");

    await user.click(screen.getByRole("button", { name: "Page 2" }));
    await waitFor(() => expect(search().get("itemsPage")).toBe("2"));
    await waitFor(() => expect(api.called("GET", "/api/metrics/tcm-contact/items").at(-1)!.search.get("page")).toBe("2"));

    await user.click(screen.getByRole("radio", { name: "Counted" }));
    await waitFor(() => expect(search().get("in")).toBe("numerator"));
    expect(search().get("itemsPage")).toBeNull();
    expect(search().get("itemsSort")).toBe("patient");
  });

  it("lists the items a measure is taken over, with their values", async () => {
    const api = serve(auditor, () => ({
      body: aPage({ figure: "medianHoursToFirstAttempt", in: null, value: { name: "hoursToFirstAttempt", label: "Hours to first attempt", kind: "hours" }, items: [anItem({ value: 19.5 })], total: 1 }),
    }));
    renderRoutes(route, "/metrics/tcm-contact");
    const user = userEvent.setup({ delay: null });

    await figuresShown();
    await user.click(screen.getByRole("link", { name: /List the items\s*behind Median time to first attempt/ }));

    expect(await screen.findByText("19.5 hours")).toBeTruthy();
    expect(screen.queryByRole("radio", { name: "Counted" })).toBeNull();
    expect(api.called("GET", "/api/metrics/tcm-contact/items").at(-1)!.search.get("in")).toBeNull();
  });

  it("says what went wrong when the items cannot be listed, and offers to try again", async () => {
    serve(auditor, () => ({ status: 500, body: { title: "Something broke", status: 500 } }));
    renderRoutes(route, "/metrics/tcm-contact?items=contactRate");

    expect(await screen.findByText("The items could not be listed")).toBeTruthy();
    expect(screen.getByRole("button", { name: /try again/i })).toBeTruthy();
  });

  it("shows a clinical lead the counts with nothing to open, and never asks for the items", async () => {
    const api = serve(lead);
    renderRoutes(route, "/metrics/tcm-contact?items=contactRate");

    await figuresShown();
    expect(screen.queryByRole("link", { name: /list the/i })).toBeNull();
    expect(screen.queryByRole("table", { name: "Items" })).toBeNull();
    expect(screen.getByText(/patient data: auditors and administrators/)).toBeTruthy();
    expect(api.called("GET", "/api/metrics/tcm-contact/items")).toHaveLength(0);
  });
});
