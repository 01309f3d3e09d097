import { describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PageControls } from "../../../src/components/table/PageControls";
import { renderWithTheme } from "../../render";

describe("PageControls", () => {
  it("pages on and changes how many rows a page holds, each control named", async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    const onPageSizeChange = vi.fn();
    renderWithTheme(<PageControls noun="tasks" page={1} pageCount={3} onPageChange={onPageChange} pageSize="25" pageSizes={["10", "25", "50"]} onPageSizeChange={onPageSizeChange} />);
    await user.click(screen.getByRole("button", { name: "next page" }));
    expect(onPageChange).toHaveBeenCalledWith(2);
    const size = screen.getByRole("combobox", { name: "Tasks per page" }) as HTMLInputElement;
    expect(size.value).toBe("25 per page");
    await user.click(size);
    await user.click(await screen.findByRole("option", { name: "50 per page", hidden: true }));
    expect(onPageSizeChange).toHaveBeenCalledWith("50");
  });
});
