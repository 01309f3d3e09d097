import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MantineProvider } from "@mantine/core";
import { ErrorSummary } from "../../../../src/features/admin/forms/ErrorSummary";

function renderWithFields(errors: { field: string | null; message: string }[]) {
  return render(
    <MantineProvider>
      <ErrorSummary errors={errors} fieldId={(field) => `f-${field}`} />
      <label htmlFor="f-email">Email</label>
      <input id="f-email" />
      <div id="f-roles">
        <input type="checkbox" aria-label="Coordinator" />
        <input type="checkbox" aria-label="Admin" />
      </div>
    </MantineProvider>,
  );
}

describe("ErrorSummary", () => {
  it("shows nothing when there is no error", () => {
    renderWithFields([]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is announced and focused when it appears, with each message a link to its field", () => {
    renderWithFields([
      { field: "email", message: "Enter an email address" },
      { field: null, message: "The request is invalid." },
    ]);

    const summary = screen.getByRole("alert");
    expect(summary).toHaveProperty("textContent", expect.stringContaining("There is a problem"));
    expect(document.activeElement).toBe(summary);
    const link = screen.getByRole("link", { name: "Enter an email address" });
    expect(link.getAttribute("href")).toBe("#f-email");
    expect(screen.getByText("The request is invalid.").closest("a")).toBeNull();
  });

  it("moves focus to the field when its message is followed, the first box of a group", async () => {
    const user = userEvent.setup();
    renderWithFields([
      { field: "email", message: "Enter an email address" },
      { field: "roles", message: "Choose at least one role" },
    ]);

    await user.click(screen.getByRole("link", { name: "Enter an email address" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));

    await user.click(screen.getByRole("link", { name: "Choose at least one role" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Coordinator"));
  });
});
