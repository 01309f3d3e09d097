import type { ActivityDescriptor } from "./activityDescriptors";
import { connectionEnds, type ElsaActivity, type ElsaConnection } from "./elsa";
import { expressionOf, stringListOf, structuredOf } from "./inputValues";

const humanTaskDefault = "Completed";

/** Labels of a FlowSwitch's cases: a raw array, or one wrapped as an input holding JSON text. */
export function caseLabels(raw: unknown): string[] {
  let cases: unknown = raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const structured = structuredOf<unknown>(raw);
    cases = structured.computed ? [] : structured.value;
  }
  return Array.isArray(cases) ? cases.map((c) => (c && typeof c === "object" ? (c as { label?: unknown }).label : undefined)).filter((l): l is string => typeof l === "string") : [];
}

/** The ports a HumanTask's deadlines add (Overdue, Expired). */
export function deadlinePorts(raw: unknown): string[] {
  const structured = structuredOf<unknown>(raw);
  if (structured.computed || !Array.isArray(structured.value)) return [];
  return structured.value.map((d) => (d && typeof d === "object" ? (d as { port?: unknown }).port : undefined)).filter((p): p is string => typeof p === "string");
}

/**
 * The outcome ports an activity completes through, as the engine would compute them: the type's own outcomes plus
 * the dynamic ones from its input (Fork branches, Switch cases, task outcomes and deadline ports). When a script
 * computes them they cannot be known here, so the ports its connections use are offered instead.
 */
export function designedOutcomes(activity: ElsaActivity, descriptor: ActivityDescriptor | undefined): string[] | null {
  if (!descriptor) return null;
  const dynamic = descriptor.dynamicOutcomesInput;
  if (!dynamic) return descriptor.outcomes;
  if (dynamic === "cases") return unique([...caseLabels(activity[dynamic]), ...descriptor.outcomes]);
  const list = stringListOf(activity[dynamic]);
  if (list.computed) return null;
  const names = list.value ?? (expressionOf(activity[dynamic]) ? [] : defaultList(descriptor, dynamic));
  if (descriptor.typeName === "CareFlows.HumanTask") {
    return unique([...(names.length > 0 ? names : [humanTaskDefault]), ...deadlinePorts(activity.deadlines), ...descriptor.outcomes]);
  }
  return unique([...(names.length > 0 ? names : descriptor.outcomes.length > 0 ? [] : ["Done"]), ...descriptor.outcomes]);
}

function defaultList(descriptor: ActivityDescriptor, input: string): string[] {
  const value = descriptor.inputs.find((i) => i.name === input)?.defaultValue;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function unique(values: string[]) {
  return [...new Set(values)];
}

/**
 * The ports to draw: the designed ones, then any port a connection leaves through that the activity does not
 * have (drawn so the connection is visible, and flagged so it can be fixed).
 */
export function portsOf(activity: ElsaActivity, descriptor: ActivityDescriptor | undefined, connections: readonly ElsaConnection[]): { name: string; unknown: boolean }[] {
  const designed = designedOutcomes(activity, descriptor);
  const used = connections.map(connectionEnds).filter((c) => c.source === activity.id).map((c) => c.sourcePort);
  if (designed === null) {
    return unique(used.length > 0 ? used : descriptor ? [] : ["Done"]).map((name) => ({ name, unknown: false }));
  }
  const extra = unique(used.filter((p) => !designed.includes(p)));
  return [...designed.map((name) => ({ name, unknown: false })), ...extra.map((name) => ({ name, unknown: true }))];
}
