import { beforeEach, describe, expect, it } from "vitest";
import { act, renderHook } from "@testing-library/react";
import type { ElsaDefinition } from "../../../src/components/flow/elsa";
import { copyActivities, pasteActivities, readClipboard } from "../../../src/features/designer/model/clipboard";
import { diffDefinitions } from "../../../src/features/designer/model/diff";
import { align, connect, removeActivities, setMetadata, updateActivity } from "../../../src/features/designer/model/document";
import { problemTarget } from "../../../src/features/designer/model/problemPaths";
import { useDesignerDocument } from "../../../src/features/designer/model/useDesignerDocument";
import { activity, descriptors, smallDefinition, workflow } from "./fixtures";

const rename = (id: string, text: string) => (d: ElsaDefinition) => updateActivity(d, id, (a) => setMetadata(a, "displayText", text));
const texts = (d: ElsaDefinition) => d.root.activities.map((a) => a.metadata?.displayText ?? null);

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("Undo and redo", () => {
  const start = () => renderHook(() => useDesignerDocument("test:doc", () => ({ definitionId: "small", document: smallDefinition([activity("a", "Elsa.End")]), etag: null, version: 1, dirty: false })));

  it("steps back and forth through changes, and a new change forgets what was undone", () => {
    const { result } = start();
    act(() => result.current.apply(rename("a", "one")));
    act(() => result.current.apply(rename("a", "two")));
    expect(texts(result.current.document)).toEqual(["two"]);

    act(() => result.current.undo());
    expect(texts(result.current.document)).toEqual(["one"]);
    act(() => result.current.undo());
    expect(texts(result.current.document)).toEqual([null]);
    expect(result.current.canUndo).toBe(false);
    act(() => result.current.redo());
    expect(texts(result.current.document)).toEqual(["one"]);

    act(() => result.current.apply(rename("a", "three")));
    expect(result.current.canRedo).toBe(false);
  });

  it("makes typing into one field a single step", () => {
    const { result } = start();
    for (const text of ["C", "Ca", "Cal", "Call"]) act(() => result.current.apply(rename("a", text), "a:displayText"));
    act(() => result.current.undo());
    expect(texts(result.current.document)).toEqual([null]);
  });

  it("keeps the working copy in the session draft, so an expired session loses nothing", () => {
    const { result } = start();
    act(() => result.current.apply(rename("a", "kept")));
    const stored = JSON.parse(sessionStorage.getItem("test:doc")!);
    expect(stored.dirty).toBe(true);
    expect(texts(stored.document)).toEqual(["kept"]);
  });
});

describe("Copy and paste", () => {
  it("pastes copies with new ids and their connections between them, through local storage", () => {
    let d = smallDefinition([activity("a", "Elsa.Start"), activity("b", "Elsa.End"), activity("c", "Elsa.End")]);
    d = connect(connect(d, "a", "Done", "b"), "a", "Done", "c");
    expect(copyActivities(d, new Set(["a", "b"]))).toBe(2);

    const { definition, ids } = pasteActivities(smallDefinition([]), readClipboard()!);

    expect(ids).toHaveLength(2);
    expect(ids).not.toContain("a");
    expect(definition.root.activities.map((x) => x.id)).toEqual(ids);
    expect(definition.root.connections).toEqual([{ source: { activity: ids[0], port: "Done" }, target: { activity: ids[1], port: "In" } }]);
    expect(definition.root.activities[0].metadata!.designer!.position).toEqual({ x: 40, y: 40 });
  });
});

describe("Editing the document", () => {
  it("removes an activity with its connections and aligns a selection", () => {
    let d = smallDefinition([activity("a", "Elsa.Start"), activity("b", "Elsa.End", { metadata: { designer: { position: { x: 300, y: 80 }, size: { width: 200, height: 60 } } } })]);
    d = connect(d, "a", "Done", "b");
    expect(removeActivities(d, new Set(["b"])).root.connections).toEqual([]);
    const aligned = align(d, new Set(["a", "b"]), "top");
    expect(aligned.root.activities.map((x) => x.metadata!.designer!.position!.y)).toEqual([0, 0]);
  });

  it("resolves a problem's JSON path to the activity and field it is about", () => {
    const d = workflow("discharge-follow-up.json");
    expect(problemTarget(d, "$.root.activities[1].value.expression")).toMatchObject({ kind: "activity", activityId: d.root.activities[1].id, field: "value" });
    expect(problemTarget(d, "$.root.connections[0].source.port")).toMatchObject({ kind: "connection", index: 0, sourceId: "on-discharge-cancelled" });
    expect(problemTarget(d, "$.name")).toEqual({ kind: "workflow", field: "name" });
  });
});

describe("The structural diff", () => {
  it("tells activities added, removed and changed with their changed inputs, and connections added and removed", () => {
    const before = workflow("discharge-follow-up.json");
    let after = removeActivities(before, new Set(["score-risk"]));
    after = updateActivity(after, "outreach-call", (a) => ({ ...a, priority: { typeName: "String", expression: { type: "Literal", value: "urgent" } } }));
    after = { ...after, root: { ...after.root, activities: [...after.root.activities, activity("new", "Elsa.Delay")] } };
    after = connect(after, "new", "Done", "care");

    const diff = diffDefinitions(before, after, descriptors);

    expect(diff.removed.map((a) => a.id)).toEqual(["score-risk"]);
    expect(diff.added.map((a) => a.id)).toEqual(["new"]);
    const changed = diff.changed.find((c) => c.id === "outreach-call")!;
    expect(changed.changes.map((c) => [c.key, c.after])).toEqual([["priority", "Literal: urgent"]]);
    expect(diff.connectionsAdded).toEqual([expect.objectContaining({ source: "new", port: "Done", target: "care" })]);
    expect(diff.connectionsRemoved.every((c) => c.source === "score-risk" || c.target === "score-risk")).toBe(true);
    expect(diff.connectionsRemoved.length).toBeGreaterThan(0);
  });
});
