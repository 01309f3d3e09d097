import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FilterDateInput, FilterSelect, FilterTextInput } from "../../../src/components/filters/FilterControls";
import { renderWithTheme } from "../../render";

describe("FilterTextInput", () => {
  it("applies what was typed on Enter or on leaving the field, not per keystroke", async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn();
    renderWithTheme(<FilterTextInput label="Patient" value="" onCommit={onCommit} />);
    await user.type(screen.getByLabelText("Patient"), " MRN-1");
    expect(onCommit).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onCommit).toHaveBeenCalledWith("MRN-1");
    onCommit.mockClear();
    await user.type(screen.getByLabelText("Patient"), "2");
    await user.tab();
    expect(onCommit).toHaveBeenCalledWith("MRN-12");
  });

  it("does not apply again when leaving the field unchanged, and follows the address when it changes", async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn();
    function FromAddress() {
      const [value, setValue] = useState("MRN-1");
      return (
        <>
          <FilterTextInput label="Patient" value={value} onCommit={onCommit} />
          <button onClick={() => setValue("MRN-9")}>Back</button>
        </>
      );
    }
    renderWithTheme(<FromAddress />);
    await user.click(screen.getByLabelText("Patient"));
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect((screen.getByLabelText("Patient") as HTMLInputElement).value).toBe("MRN-9");
  });
});

describe("FilterSelect", () => {
  it("shows the address's choice and reports another one chosen", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithTheme(<FilterSelect label="Status" placeholder="Any" data={["Running", "Finished"]} value="Running" onChange={onChange} />);
    expect((screen.getByRole("combobox", { name: "Status" }) as HTMLInputElement).value).toBe("Running");
    await user.click(screen.getByRole("combobox", { name: "Status" }));
    await user.click(await screen.findByRole("option", { name: "Finished", hidden: true }));
    expect(onChange.mock.calls[0][0]).toBe("Finished");
  });
});

describe("FilterDateInput", () => {
  it("is a labelled day field that reports the day chosen", async () => {
    const onChange = vi.fn();
    renderWithTheme(<FilterDateInput label="Due before" value={null} onChange={onChange} title="The start of that day in Europe/London" />);
    const field = screen.getByLabelText("Due before");
    expect(field.getAttribute("type")).toBe("date");
    expect((field as HTMLInputElement).value).toBe("");
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.change(field, { target: { value: "2026-12-01" } });
    expect(onChange).toHaveBeenCalledWith("2026-12-01");
  });
});
