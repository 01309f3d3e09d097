import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MantineProvider, TextInput } from "@mantine/core";
import { ApiError } from "../../../../src/api/problem";
import { EditFormSection } from "../../../../src/features/admin/forms/EditFormSection";
import { FormDialog } from "../../../../src/features/admin/forms/FormDialog";

const refused = new ApiError(422, { title: "Invalid", errors: { "$.name": ["Enter a name."] } });
const conflict = new ApiError(409, { title: "Conflict", detail: "A team with this name exists." });
const broken = new ApiError(500, { title: "Server error", detail: "Something broke." });

const nameField = (errors: Record<string, string>) => <TextInput id="f-name" label="Name" defaultValue="Care team" error={errors.name} />;

function renderSection(props: Partial<Parameters<typeof EditFormSection>[0]> = {}) {
  const handlers = { onSubmit: vi.fn(), onDiscard: vi.fn() };
  render(
    <MantineProvider>
      <EditFormSection titleId="t" error={null} pending={false} changed fieldNames={["name"]} fieldId={(f) => `f-${f}`} failureTitle="The team was not saved" {...handlers} {...props}>
        {nameField}
      </EditFormSection>
    </MantineProvider>,
  );
  return handlers;
}

describe("EditFormSection", () => {
  it("is a Details section whose Save submits and whose Discard appears only with changes", async () => {
    const user = userEvent.setup();
    const { onSubmit, onDiscard } = renderSection();
    expect(screen.getByRole("region", { name: "Details" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Discard changes" }));
    expect(onDiscard).toHaveBeenCalled();
  });

  it("offers no Save or Discard before anything changed", () => {
    renderSection({ changed: false });
    expect((screen.getByRole("button", { name: "Save changes" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Discard changes" })).toBeNull();
  });

  it("puts a refusal beside its field and in a summary linking to it, keeping what was typed", () => {
    renderSection({ error: refused });
    expect(screen.getByRole("link", { name: "Enter a name." }).getAttribute("href")).toBe("#f-name");
    expect(screen.getAllByText("Enter a name.")).toHaveLength(2);
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Care team");
    expect(screen.queryByText("The team was not saved")).toBeNull();
  });

  it("ties a conflict to the field it names, and tells of any other failure in an alert", () => {
    renderSection({ error: conflict, conflictField: "name" });
    expect(screen.getByRole("link", { name: "A team with this name exists." }).getAttribute("href")).toBe("#f-name");
  });

  it("tells of a failure that is not about a field in an alert", () => {
    renderSection({ error: broken });
    expect(screen.getByText("The team was not saved")).toBeTruthy();
    expect(screen.getByText(/Something broke/)).toBeTruthy();
  });
});

describe("FormDialog", () => {
  it("submits with its own button, cancels, and shows the server's refusal by field", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onClose = vi.fn();
    render(
      <MantineProvider>
        <FormDialog opened onClose={onClose} title="Create team" submitLabel="Create team" onSubmit={onSubmit} error={refused} pending={false} fieldNames={["name"]} fieldId={(f) => `f-${f}`} failureTitle="The team was not created">
          {nameField}
        </FormDialog>
      </MantineProvider>,
    );
    const dialog = await screen.findByRole("dialog", { name: "Create team" });
    expect(dialog).toBeTruthy();
    expect(screen.getByRole("link", { name: "Enter a name." })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create team" }));
    expect(onSubmit).toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalled();
  });
});
