import type { InputDescriptor } from "../../../components/flow/activityDescriptors";
import type { ElsaActivity, ElsaInput } from "../../../components/flow/elsa";
import { setProperty } from "./document";

/**
 * The `typeName` a new input value is written with: Elsa's alias for the input's type, as the definitions in
 * workflows/ use them (nullable marks dropped, JSON nodes as `Object`, CareFlows' own enums as `String`).
 */
export function typeNameFor(input: InputDescriptor): string {
  const type = input.typeName.replace(/\?$/, "");
  if (type === "JsonNode" || type === "JsonObject") return "Object";
  if (type.includes(", CareFlows.")) return "String";
  return type;
}

/** Writes an input as `{typeName, expression: {type, value}}`, keeping the typeName it already had; an empty value unsets it. */
export function writeExpression(activity: ElsaActivity, input: InputDescriptor, syntax: string, value: unknown): ElsaActivity {
  const existing = activity[input.name] as ElsaInput | undefined;
  const typeName = existing && typeof existing === "object" && typeof existing.typeName === "string" ? existing.typeName : typeNameFor(input);
  if (value === undefined || value === null || value === "") {
    return setProperty(activity, input.name, undefined);
  }
  const keep = existing && typeof existing === "object" && !Array.isArray(existing) ? existing : {};
  return setProperty(activity, input.name, { ...keep, typeName, expression: { type: syntax, value } });
}

/** Writes a list or object as JSON text in an `Object` expression, as Elsa Studio does; an empty value unsets it. */
export function writeStructured(activity: ElsaActivity, input: InputDescriptor, value: unknown): ElsaActivity {
  if (value === undefined || value === null) return setProperty(activity, input.name, undefined);
  return writeExpression(activity, input, "Object", JSON.stringify(value));
}

/** Binds an output to a variable by its id (`{"typeName", "memoryReference": {"id"}}`), or unbinds it. */
export function writeOutput(activity: ElsaActivity, name: string, variableId: string | null): ElsaActivity {
  if (!variableId) return setProperty(activity, name, undefined);
  const existing = activity[name] as ElsaInput | undefined;
  return setProperty(activity, name, { typeName: existing?.typeName ?? "Object", memoryReference: { id: variableId } });
}
