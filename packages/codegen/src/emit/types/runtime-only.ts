import type { Json } from "../../model/types.js";
import { isObject } from "../../schema/refs.js";

/**
 * Keywords TypeScript has no way to say. json2ts either ignores them or, worse, reads a schema
 * made only of them (`{"not": ...}`, `{"if": ...}`) as an open interface `{[k: string]: unknown}`,
 * which rejects valid strings and numbers. So they are taken out before json2ts sees the schema:
 * the type is then what the schema is without them, which every valid value satisfies (they only
 * ever narrow), and the JSDoc lists them so a reader knows the validators check more.
 */
export const RUNTIME_ONLY_KEYWORDS: readonly string[] = [
  "not",
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "minContains",
  "maxContains",
  "minProperties",
  "maxProperties",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
];
export const RUNTIME_ONLY: ReadonlySet<string> = new Set(RUNTIME_ONLY_KEYWORDS);

/** Values longer than this are named, not quoted, in the note (a JSDoc line, not a schema dump). */
const QUOTE_LIMIT = 60;

/**
 * The schema without its runtime-only keywords, and the JSDoc sentence naming them. `not: {}`
 * (or `not: true`) rejects everything: that one TypeScript can say, as `never`. With
 * `openPatterns`, `patternProperties` is runtime-only too and the object is open.
 */
export function takeRuntimeOnly(schema: { readonly [k: string]: Json }, openPatterns = false): { rest: Record<string, Json>; note?: string; never: boolean } {
  const rest: Record<string, Json> = openPatterns ? { additionalProperties: true } : {};
  const named: string[] = [];
  for (const key of Object.keys(schema)) {
    const value = schema[key] as Json;
    if (!RUNTIME_ONLY.has(key) && !(openPatterns && key === "patternProperties")) rest[key] = value;
    else if (!(key === "unevaluatedProperties" && value === false)) named.push(describe(key, value));
  }
  const not = schema["not"];
  const never = not === true || (isObject(not) && Object.keys(not).length === 0);
  return { rest, never, ...(named.length ? { note: `Also checked at runtime (TypeScript cannot say it): ${named.join(", ")}.` } : {}) };
}

function describe(key: string, value: Json): string {
  const text = JSON.stringify(value);
  return text.length <= QUOTE_LIMIT ? `\`${key}: ${text}\`` : `\`${key}\` (see the schema)`;
}

/** `description` with `note` appended as its own paragraph. */
export function withNote(description: Json | undefined, note: string | undefined): { description?: string } {
  const text = typeof description === "string" ? description : undefined;
  if (note === undefined) return text === undefined ? {} : { description: text };
  return { description: text === undefined ? note : `${text}\n\n${note}` };
}
