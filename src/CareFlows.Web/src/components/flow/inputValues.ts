import type { ElsaActivity, ElsaExpression, ElsaInput } from "./elsa";

/** The syntaxes the property panel offers; `Object` holds JSON text and `Variable` a variable reference. */
export const syntaxes = ["Literal", "JavaScript", "Liquid", "Object", "Variable"] as const;
export type Syntax = (typeof syntaxes)[number] | string;

export interface ExpressionValue {
  syntax: Syntax;
  value: unknown;
}

/**
 * An input's expression as stored, or undefined when unset. A bare JSON value instead of `{typeName, expression}` is a
 * Literal (as Elsa reads it), and an expression without a type is a Literal too.
 */
export function expressionOf(raw: unknown): ExpressionValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw)) return { syntax: "Literal", value: raw };
  const input = raw as ElsaInput;
  if (!("typeName" in input) && !("expression" in input)) return { syntax: "Literal", value: raw };
  const expression = input.expression as ElsaExpression | null | undefined;
  if (!expression) return undefined;
  return { syntax: expression.type ?? "Literal", value: expression.value };
}

export function inputOf(activity: ElsaActivity, name: string): ExpressionValue | undefined {
  return expressionOf(activity[name]);
}

/**
 * A structured value (a list or an object) when it is fixed in the definition: JSON text in an `Object` expression, or a
 * JSON value in a `Literal` one. Undefined when unset; `{ computed: true }` when a script computes it, so the designer
 * can tell the two apart and never overwrite a script by accident.
 */
export type Structured<T> = { computed: false; value: T | undefined } | { computed: true; expression: ExpressionValue };

export function structuredOf<T>(raw: unknown): Structured<T> {
  const expression = expressionOf(raw);
  if (!expression) return { computed: false, value: undefined };
  const { syntax, value } = expression;
  if (syntax === "Object" || syntax === "Json" || syntax === "Literal") {
    if (typeof value === "string") {
      if (value.trim() === "") return { computed: false, value: undefined };
      try {
        return { computed: false, value: JSON.parse(value) as T };
      } catch {
        return syntax === "Literal" ? { computed: false, value: value as unknown as T } : { computed: true, expression };
      }
    }
    return { computed: false, value: (value ?? undefined) as T | undefined };
  }
  return { computed: true, expression };
}

/** A list of names held as an input (branches, outcomes, teams): text items only. */
export function stringListOf(raw: unknown): Structured<string[]> {
  const structured = structuredOf<unknown>(raw);
  if (structured.computed) return structured;
  const value = structured.value;
  if (value === undefined) return { computed: false, value: undefined };
  if (Array.isArray(value)) return { computed: false, value: value.filter((v): v is string => typeof v === "string") };
  if (typeof value === "string") return { computed: false, value: value.split(",").map((s) => s.trim()).filter(Boolean) };
  return { computed: false, value: [] };
}
