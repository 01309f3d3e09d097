import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DataTable, type DataColumn } from "../../../src/components/table/DataTable";
import { renderWithTheme } from "../../render";

interface Row {
  id: string;
  name: string;
  count: number;
}

const rows: Row[] = [
  { id: "a", name: "Alpha", count: 3 },
  { id: "b", name: "Beta", count: 12 },
];

const columns: DataColumn<Row>[] = [
  { key: "name", header: "Name", cell: (row) => row.name, rowHeader: true, sort: "name" },
  { key: "count", header: "Count", cell: (row) => row.count, align: "right", sort: "count" },
  { key: "note", header: "Note", cell: () => "—" },
];

describe("DataTable", () => {
  it("names the table by its caption, heads each column and each row", () => {
    renderWithTheme(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} caption="Sorted by name." />);
    const table = screen.getByRole("table", { name: "Sorted by name." });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Name", "Count", "Note"]);
    headers.forEach((h) => expect(h.getAttribute("scope")).toBe("col"));
    const rowHeaders = within(table).getAllByRole("rowheader");
    expect(rowHeaders.map((h) => h.textContent)).toEqual(["Alpha", "Beta"]);
    rowHeaders.forEach((h) => expect(h.getAttribute("scope")).toBe("row"));
    expect(within(table).getByRole("row", { name: /Beta/ }).textContent).toContain("12");
  });

  it("is named by its label when it has no caption", () => {
    renderWithTheme(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} label="Counts" />);
    expect(screen.getByRole("table", { name: "Counts" })).toBeTruthy();
  });

  it("says how a fixed order sorts, without offering to change it", () => {
    renderWithTheme(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} label="Counts" sort={{ by: "name", direction: "ascending" }} />);
    expect(screen.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("ascending");
    expect(screen.getByRole("columnheader", { name: "Count" }).hasAttribute("aria-sort")).toBe(false);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("sorts by a column's header when the list can be sorted, by keyboard too", async () => {
    const user = userEvent.setup();
    const onSort = vi.fn();
    renderWithTheme(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} label="Counts" sort={{ by: "count", direction: "descending", onSort }} />);
    expect(screen.getByRole("columnheader", { name: "Count" }).getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByRole("button", { name: "Count" }).getAttribute("aria-pressed")).toBe("true");
    // A column the server cannot sort by has no button.
    expect(screen.queryByRole("button", { name: "Note" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Name" }));
    expect(onSort).toHaveBeenCalledWith("name");
    screen.getByRole("button", { name: "Count" }).focus();
    await user.keyboard("{Enter}");
    expect(onSort).toHaveBeenLastCalledWith("count");
  });

  it("draws a row that cannot be shown by its columns as one cell across them", () => {
    renderWithTheme(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} label="Counts" wholeRow={(row) => (row.id === "b" ? "Beta could not be read." : undefined)} />);
    const cell = screen.getByText("Beta could not be read.");
    expect(cell.tagName).toBe("TD");
    expect(cell.getAttribute("colspan")).toBe("3");
    expect(screen.getByRole("rowheader", { name: "Alpha" })).toBeTruthy();
  });
});
