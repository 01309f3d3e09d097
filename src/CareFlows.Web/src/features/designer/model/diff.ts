import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import { commonActivityKeys, connectionEnds, flowchartOf, type ElsaActivity, type ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { expressionOf } from "../../../components/flow/inputValues";

export interface ValueChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export interface ActivityRef {
  id: string;
  title: string;
  type: string;
}

export interface ConnectionRef {
  source: string;
  port: string;
  target: string;
  sourceTitle: string;
  targetTitle: string;
}

export interface DefinitionDiff {
  workflow: ValueChange[];
  added: ActivityRef[];
  removed: ActivityRef[];
  changed: (ActivityRef & { changes: ValueChange[] })[];
  /** Activities whose only change is where they are drawn. */
  moved: ActivityRef[];
  connectionsAdded: ConnectionRef[];
  connectionsRemoved: ConnectionRef[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value as one readable line: an expression as `JavaScript: …`, anything else as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  const expression = expressionOf(value);
  let text: string;
  if (expression && value && typeof value === "object" && "typeName" in (value as object)) {
    const v = expression.value;
    text = `${expression.syntax}: ${typeof v === "string" ? v : JSON.stringify(v)}`;
  } else if (value && typeof value === "object" && "memoryReference" in (value as object)) {
    const id = (value as { memoryReference?: { id?: string } }).memoryReference?.id;
    text = `stored in variable ${id ?? "?"}`;
  } else {
    text = typeof value === "string" ? value : JSON.stringify(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function activityChanges(before: ElsaActivity, after: ElsaActivity, descriptors?: DescriptorMap): ValueChange[] {
  const labels = new Map(descriptors?.get(after.type)?.inputs.map((i) => [i.name, i.displayName]));
  const changes: ValueChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === "metadata" || key === "nodeId" || key === "id") continue;
    if (!same(before[key], after[key])) {
      changes.push({ key, label: labels.get(key) ?? (commonActivityKeys.has(key) ? key : key), before: describeValue(before[key]), after: describeValue(after[key]) });
    }
  }
  const metaBefore = before.metadata ?? {};
  const metaAfter = after.metadata ?? {};
  for (const key of new Set([...Object.keys(metaBefore), ...Object.keys(metaAfter)])) {
    if (key === "designer") continue;
    if (!same(metaBefore[key], metaAfter[key])) {
      changes.push({ key: `metadata.${key}`, label: key === "displayText" ? "Display text" : key === "description" ? "Description" : key, before: describeValue(metaBefore[key]), after: describeValue(metaAfter[key]) });
    }
  }
  return changes;
}

/**
 * What changed from one definition to another, as a clinical lead reads it: activities added, removed and changed
 * (with each changed input before and after), activities only moved, and connections added or removed.
 */
export function diffDefinitions(before: ElsaDefinition, after: ElsaDefinition, descriptors?: DescriptorMap): DefinitionDiff {
  const a = flowchartOf(before);
  const b = flowchartOf(after);
  const ref = (activity: ElsaActivity): ActivityRef => ({ id: activity.id, title: activityTitle(activity, descriptors), type: descriptors?.get(activity.type)?.displayName ?? activity.type });
  const beforeById = new Map(a.activities.map((x) => [x.id, x]));
  const afterById = new Map(b.activities.map((x) => [x.id, x]));

  const workflow: ValueChange[] = [];
  for (const [key, label] of [["name", "Name"], ["description", "Description"], ["variables", "Variables"], ["inputs", "Inputs"], ["outputs", "Outputs"], ["outcomes", "Outcomes"], ["options", "Options"], ["customProperties", "Custom properties"]] as const) {
    if (!same(before[key], after[key])) workflow.push({ key, label, before: describeValue(before[key]), after: describeValue(after[key]) });
  }

  const changed: DefinitionDiff["changed"] = [];
  const moved: ActivityRef[] = [];
  for (const activity of b.activities) {
    const old = beforeById.get(activity.id);
    if (!old || old === activity) continue;
    const changes = activityChanges(old, activity, descriptors);
    if (changes.length > 0) changed.push({ ...ref(activity), changes });
    else if (!same(old.metadata?.designer, activity.metadata?.designer)) moved.push(ref(activity));
  }

  const title = (id: string) => {
    const activity = afterById.get(id) ?? beforeById.get(id);
    return activity ? activityTitle(activity, descriptors) : id;
  };
  const keyed = (definition: typeof a) =>
    new Map(
      definition.connections.map((c) => {
        const e = connectionEnds(c);
        return [`${e.source}|${e.sourcePort}|${e.target}`, { source: e.source, port: e.sourcePort, target: e.target, sourceTitle: title(e.source), targetTitle: title(e.target) }] as const;
      }),
    );
  const connectionsBefore = keyed(a);
  const connectionsAfter = keyed(b);

  return {
    workflow,
    added: b.activities.filter((x) => !beforeById.has(x.id)).map(ref),
    removed: a.activities.filter((x) => !afterById.has(x.id)).map(ref),
    changed,
    moved,
    connectionsAdded: [...connectionsAfter].filter(([k]) => !connectionsBefore.has(k)).map(([, v]) => v),
    connectionsRemoved: [...connectionsBefore].filter(([k]) => !connectionsAfter.has(k)).map(([, v]) => v),
  };
}

export function isEmptyDiff(diff: DefinitionDiff) {
  return !diff.workflow.length && !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.moved.length && !diff.connectionsAdded.length && !diff.connectionsRemoved.length;
}
