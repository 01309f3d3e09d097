import { describe, expect, it } from "vitest";
import { diffJson } from "../../../../src/features/audit/record/jsonDiff";

describe("the before and after of a record, field by field", () => {
  it("marks each nested field changed, added, removed or unchanged", () => {
    const rows = diffJson(
      { status: "ready", owner: null, teams: ["toc"], form: { due: "2026-11-25" }, note: "x" },
      { status: "in-progress", owner: "u-1", teams: ["toc", "cardio"], form: { due: "2026-11-25" } },
    );
    expect(rows).toEqual([
      { path: "status", before: '"ready"', after: '"in-progress"', change: "changed" },
      { path: "owner", before: "null", after: '"u-1"', change: "changed" },
      { path: "teams[0]", before: '"toc"', after: '"toc"', change: "unchanged" },
      { path: "teams[1]", before: undefined, after: '"cardio"', change: "added" },
      { path: "form.due", before: '"2026-11-25"', after: '"2026-11-25"', change: "unchanged" },
      { path: "note", before: '"x"', after: undefined, change: "removed" },
    ]);
  });

  it("shows a creation as every field added, and a bare value at the top", () => {
    expect(diffJson(null, { name: "A" })).toEqual([{ path: "name", before: undefined, after: '"A"', change: "added" }]);
    expect(diffJson(1, 2)).toEqual([{ path: "(value)", before: "1", after: "2", change: "changed" }]);
  });
});
