import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import recorded from "./activities.json";
import type { ActivityDescriptor, DescriptorMap } from "../../../src/components/flow/activityDescriptors";
import type { ElsaDefinition } from "../../../src/components/flow/elsa";

/** The server's `/api/activities` answer, recorded. */
const list = recorded as unknown as ActivityDescriptor[];

// Tests run from src/CareFlows.Web; the definitions live in the repository's workflows folder.
const workflows = resolve(process.cwd(), "../../workflows");

export const descriptors: DescriptorMap = new Map(list.map((d) => [d.typeName, d]));

export function workflow(name: string): ElsaDefinition {
  return JSON.parse(readFileSync(resolve(workflows, name), "utf8")) as ElsaDefinition;
}

export function workflowText(name: string): string {
  return readFileSync(resolve(workflows, name), "utf8");
}

/** Start → (activities) with nothing else set, for the panel tests. */
export function smallDefinition(activities: ElsaDefinition["root"]["activities"]): ElsaDefinition {
  return {
    definitionId: "small",
    name: "Small",
    variables: [{ id: "v1", name: "Patient", typeName: "Object", isArray: false, value: null }],
    root: { type: "Elsa.Flowchart", id: "flowchart", activities, connections: [] },
  };
}

export function activity(id: string, type: string, extra: Record<string, unknown> = {}) {
  return { id, type, version: 1, name: `${type.split(".")[1]}-${id}`, metadata: { designer: { position: { x: 0, y: 0 }, size: { width: 240, height: 60 } } }, ...extra };
}
