import { describe, expect, it } from "vitest";
import { connectionEnds } from "../../../src/components/flow/elsa";
import { connectionEdges } from "../../../src/components/flow/flowModel";
import { buildNodes, syncNodeData, syncNodes } from "../../../src/features/designer/canvas/buildNodes";
import { moveActivities } from "../../../src/features/designer/model/document";
import { descriptors, workflow, workflowText } from "./fixtures";

describe("Elsa JSON and the canvas", () => {
  it("draws every activity of discharge-follow-up where its designer metadata puts it, with a port per outcome", () => {
    const definition = workflow("discharge-follow-up.json");
    const nodes = buildNodes(definition, descriptors, new Set(), new Map());

    expect(nodes.map((n) => n.id)).toEqual(definition.root.activities.map((a) => a.id));
    for (const [i, node] of nodes.entries()) {
      const designer = definition.root.activities[i].metadata!.designer!;
      expect(node.position).toEqual(designer.position);
      expect(node.width).toBe(designer.size!.width);
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // Dynamic outcomes: the task's own and the fork's nine branches.
    expect(byId.get("outreach-call")!.data.ports.map((p) => p.name)).toEqual(expect.arrayContaining(["Reached", "Unreachable"]));
    expect(byId.get("care")!.data.ports).toHaveLength(9);
    expect(byId.get("discharged")!.data.title).toBe("Patient discharged");
    // No connection leaves through a port the activity does not have.
    expect(nodes.flatMap((n) => n.data.ports.filter((p) => p.unknown))).toEqual([]);
  });

  it("turns every connection into an edge from its outcome port to the In port", () => {
    const definition = workflow("discharge-follow-up.json");
    const edges = connectionEdges(definition);

    expect(edges).toHaveLength(definition.root.connections.length);
    edges.forEach((edge, i) => {
      const ends = connectionEnds(definition.root.connections[i]);
      expect([edge.source, edge.sourceHandle, edge.target, edge.targetHandle]).toEqual([ends.source, ends.sourcePort, ends.target, "In"]);
    });
  });

  it("writes the canvas back as the same JSON: positions put back change nothing", () => {
    const definition = workflow("discharge-follow-up.json");
    const nodes = buildNodes(definition, descriptors, new Set(), new Map());

    const back = moveActivities(definition, new Map(nodes.map((n) => [n.id, n.position])));

    expect(back).toBe(definition);
    expect(JSON.stringify(back)).toBe(JSON.stringify(JSON.parse(workflowText("discharge-follow-up.json"))));
  });

  it("moves only the moved activity, in Elsa's designer metadata, keeping every other object as it was", () => {
    const definition = workflow("discharge-follow-up.json");

    const moved = moveActivities(definition, new Map([["care", { x: 12.5, y: 990 }]]));

    const index = definition.root.activities.findIndex((a) => a.id === "care");
    expect(moved.root.activities[index].metadata!.designer).toEqual({ position: { x: 12.5, y: 990 }, size: { width: 240, height: 60 } });
    expect(moved.root.activities.filter((a, i) => a !== definition.root.activities[i])).toHaveLength(1);
    expect(moved.root.connections).toBe(definition.root.connections);
    const { root: _a, ...restBefore } = definition;
    const { root: _b, ...restAfter } = moved;
    expect(restAfter).toEqual(restBefore);
  });

  it("re-uses node objects that did not change, so a change re-renders one node", () => {
    const definition = workflow("discharge-follow-up.json");
    const firstData = syncNodeData([], definition, descriptors, new Map());
    const first = syncNodes([], definition, firstData, new Set());
    const moved = moveActivities(definition, new Map([["care", { x: 1, y: 2 }]]));

    const second = syncNodes(first, moved, syncNodeData(firstData, moved, descriptors, new Map()), new Set());

    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(["care"]);
  });

  it("selecting an activity replaces its node alone and keeps every node's data", () => {
    const definition = workflow("discharge-follow-up.json");
    const data = syncNodeData([], definition, descriptors, new Map());
    const first = syncNodes([], definition, data, new Set());

    const selected = syncNodes(first, definition, data, new Set(["care"]));

    expect(selected.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(["care"]);
    expect(selected.find((n) => n.id === "care")?.selected).toBe(true);
    expect(selected.every((n, i) => n.data === first[i].data)).toBe(true);
    expect(syncNodes(selected, definition, data, new Set(["care"]))).toBe(selected);
  });
});
