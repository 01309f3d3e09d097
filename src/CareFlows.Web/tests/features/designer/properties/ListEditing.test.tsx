import { describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AddItemButton, ItemControls, moved } from "../../../../src/features/designer/properties/ListEditing";
import { renderWithTheme } from "../../../render";

describe("moved", () => {
  it("moves one item up or down and leaves the list it was given as it was", () => {
    const list = ["a", "b", "c"];
    expect(moved(list, 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(list, 1, 1)).toEqual(["a", "c", "b"]);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("ItemControls", () => {
  it("names the item on each control and cannot move the first up or the last down", async () => {
    const user = userEvent.setup();
    const onMove = vi.fn();
    const onRemove = vi.fn();
    renderWithTheme(<ItemControls name="case 1" index={0} count={2} onMove={onMove} onRemove={onRemove} />);
    expect((screen.getByRole("button", { name: "Move case 1 up" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Move case 1 down" }));
    expect(onMove).toHaveBeenCalledWith(1);
    await user.click(screen.getByRole("button", { name: "Remove case 1" }));
    expect(onRemove).toHaveBeenCalled();
  });

  it("offers only Remove where the order does not matter", () => {
    renderWithTheme(<ItemControls name="Approved" index={1} count={3} onRemove={() => {}} />);
    expect(screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"))).toEqual(["Remove Approved"]);
  });
});

describe("AddItemButton", () => {
  it("adds with its label", async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    renderWithTheme(<AddItemButton onClick={onClick}>Add case</AddItemButton>);
    await user.click(screen.getByRole("button", { name: "Add case" }));
    expect(onClick).toHaveBeenCalled();
  });
});
