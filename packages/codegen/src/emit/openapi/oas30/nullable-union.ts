import type { Json } from "../../../model/types.js";
import { isObject } from "../schema-tree.js";
import { isAnnotation, type Step } from "./context.js";

/**
 * `anyOf`/`oneOf` of one schema and a `{"type": "null"}` branch is how 2020-12 spells "nullable
 * X"; in 3.0 it becomes X itself with `nullable: true` (an enum gains null: 3.0.3 requires a
 * nullable enum to list it). Only where that keeps the verdict for every value: the union has no
 * constraint of its own, X has a single `type` and no `$ref` or combinator (whose branches would
 * still reject null), and no annotation appears on both. Otherwise the null branch stays a branch
 * (already converted to a nullable carrier accepting exactly null), which 3.0 validates the same.
 * A `oneOf` merges only when X rejects null: where both branches accept it, 2020-12 rejects null.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3 (oneOf)
 */
export const nullableUnion: Step = (node, { raw }) => {
  for (const via of ["anyOf", "oneOf"] as const) {
    const members = node[via];
    const rawMembers = raw[via];
    if (!Array.isArray(members) || !Array.isArray(rawMembers)) continue;
    const others = members.filter((_: Json, i: number) => !isNullOnly(rawMembers[i] as Json));
    if (others.length === members.length || others.length !== 1) continue;
    // oneOf rejects a value two branches accept: null stays invalid if X accepts it too (or if
    // there are two null branches), which `nullable: true` would turn into valid.
    if (via === "oneOf" && (members.length !== 2 || !rejectsNull(others[0] as Json))) continue;
    const { [via]: _, ...outer } = node;
    if (Object.keys(outer).some((k) => !isAnnotation(k))) continue;
    const merged = withNull(others[0] as Json);
    if (merged === undefined || Object.keys(outer).some((k) => k in merged)) continue;
    return { ...outer, ...merged };
  }
  return node;
};

/** `x` accepting null as well, as one 3.0 schema; `undefined` when that needs a branch. */
function withNull(x: Json): Record<string, Json> | undefined {
  if (!isObject(x) || ["$ref", "anyOf", "oneOf", "allOf", "not"].some((k) => k in x)) return undefined;
  if (x["nullable"] === true) return { ...x };
  const values = x["enum"];
  const enumWithNull = Array.isArray(values) && !values.includes(null) ? { enum: [...values, null] } : {};
  if (typeof x["type"] === "string") return { ...x, nullable: true, ...enumWithNull };
  // Untyped: every keyword left is type-specific or an enum, so null passes unless an enum says no.
  return { ...x, ...enumWithNull };
}

/** True when the (converted) schema rejects null for sure: one non-null `type`, not nullable. */
function rejectsNull(x: Json): boolean {
  return isObject(x) && typeof x["type"] === "string" && x["nullable"] !== true;
}

/** `{"type": "null"}` (or `["null"]`, `const: null`, `enum: [null]`), with annotations at most. */
function isNullOnly(schema: Json): boolean {
  if (!isObject(schema)) return false;
  const constraints = Object.keys(schema).filter((k) => !isAnnotation(k));
  const nullType = (t: Json | undefined) => t === "null" || (Array.isArray(t) && t.length === 1 && t[0] === "null");
  const nullEnum = (e: Json | undefined) => Array.isArray(e) && e.length === 1 && e[0] === null;
  return (
    constraints.length > 0 &&
    constraints.every((k) => (k === "type" && nullType(schema[k])) || (k === "const" && schema[k] === null) || (k === "enum" && nullEnum(schema[k])))
  );
}
