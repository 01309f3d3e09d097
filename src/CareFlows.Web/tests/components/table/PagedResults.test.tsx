import { describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApiError } from "../../../src/api/problem";
import { PagedResults, type ResultPage } from "../../../src/components/table/PagedResults";
import { renderWithTheme } from "../../render";

const page = (items: string[], changes: Partial<ResultPage<string>> = {}): ResultPage<string> => ({ items, page: 1, pageSize: 2, total: items.length, ...changes });

function renderResults(query: { data?: ResultPage<string>; error?: unknown; isFetching?: boolean }, onPageChange = vi.fn(), refetch = vi.fn()) {
  renderWithTheme(
    <PagedResults query={{ error: null, isFetching: false, refetch, ...query }} noun="users" errorTitle="The users could not be loaded" empty="No user matches these filters." onPageChange={onPageChange}>
      {(items) => (
        <ul aria-label="Users">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </PagedResults>,
  );
  return { onPageChange, refetch };
}

describe("PagedResults", () => {
  it("shows a named loader until the first page comes", () => {
    renderResults({});
    expect(screen.getByLabelText("Loading users")).toBeTruthy();
  });

  it("says what failed and offers to try again", async () => {
    const user = userEvent.setup();
    const { refetch } = renderResults({ error: new ApiError(503, { title: "Unavailable", detail: "The database is restarting." }) });
    expect(screen.getByText("The users could not be loaded")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /try again/i }));
    expect(refetch).toHaveBeenCalled();
  });

  it("says so when nothing matches", () => {
    renderResults({ data: page([]) });
    expect(screen.getByText("No user matches these filters.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the page's rows, where the page is in the list, and pages on", async () => {
    const user = userEvent.setup();
    const { onPageChange } = renderResults({ data: page(["ann@x", "bob@x"], { total: 5 }), isFetching: true });
    expect(screen.getByRole("list", { name: "Users" }).closest("[aria-busy]")!.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByText("1–2 of 5 users")).toBeTruthy();
    const pages = screen.getByRole("navigation", { name: "Pages of users" });
    expect(pages).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Page 3" }));
    expect(onPageChange).toHaveBeenCalledWith(3);
  });

  it("offers no page links when everything fits on one page", () => {
    renderResults({ data: page(["ann@x"]) });
    expect(screen.getByText("1–1 of 1 users")).toBeTruthy();
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});
