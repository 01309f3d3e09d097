import { describe, expect, it } from "vitest";
import { signedSort } from "../../../src/components/table/SortableHeader";

describe("signedSort", () => {
  it("reads a signed key for one column and turns the order on a press", () => {
    expect(signedSort("created", "created")).toEqual({ direction: "ascending", next: "descending", sort: "-created" });
    expect(signedSort("-created", "created")).toEqual({ direction: "descending", next: "ascending", sort: "created" });
  });

  it("sorts a column not yet sorted by in its first direction", () => {
    expect(signedSort("-created", "updated", "descending")).toEqual({ direction: undefined, next: "descending", sort: "-updated" });
    expect(signedSort("-created", "definition")).toEqual({ direction: undefined, next: "ascending", sort: "definition" });
  });
});
