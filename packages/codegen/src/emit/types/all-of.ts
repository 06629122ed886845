import type { Json } from "../../model/types.js";
import { isObject } from "../../schema/refs.js";
import { RUNTIME_ONLY_KEYWORDS } from "./runtime-only.js";

type SchemaObject = { readonly [k: string]: Json };

/** What an `allOf` branch may hold and still be folded into its parent: an object's fields. */
const FOLDABLE: ReadonlySet<string> = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "title",
  "description",
  "$comment",
  ...RUNTIME_ONLY_KEYWORDS,
]);

/**
 * `allOf` branches that only declare object fields are folded into the parent, so
 * `allOf: [{properties: {a}}, {properties: {b}, required: [b]}]` is one interface `{a?; b}` where
 * json2ts would print an intersection of anonymous object literals. Folding is sound: a property
 * two branches declare gets the `allOf` of both, `required` is the union, and a branch's
 * `additionalProperties: false` (which would forbid the other branches' properties) is dropped,
 * so the folded type is never narrower than the schema. A branch that is a `$ref`, a union, a
 * record or another type stays in `allOf`: there the intersection (`Base & {...}`) is the meaning.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.1
 */
export function foldAllOf(schema: SchemaObject): SchemaObject {
  const branches = schema["allOf"];
  if (!Array.isArray(branches)) return schema;
  const kept: Json[] = [];
  let out: Record<string, Json> = { ...schema };
  delete out["allOf"];
  for (const raw of branches as Json[]) {
    if (raw === true) continue;
    const branch = isObject(raw) && Array.isArray(raw["allOf"]) ? foldAllOf(raw) : raw;
    if (!foldable(branch) || !typesAgree(out["type"], (branch as SchemaObject)["type"])) {
      kept.push(branch);
      continue;
    }
    out = fold(out, branch as SchemaObject);
  }
  if (kept.length > 0) out["allOf"] = kept;
  return out;
}

function foldable(branch: Json): boolean {
  if (!isObject(branch)) return false;
  if (!("properties" in branch || "required" in branch)) return false;
  const extra = branch["additionalProperties"];
  return Object.keys(branch).every((k) => FOLDABLE.has(k)) && (extra === undefined || typeof extra === "boolean");
}

/** A branch's `type` must be `object` (or absent) and agree with the parent's. */
function typesAgree(parent: Json | undefined, branch: Json | undefined): boolean {
  const isObjectType = (t: Json | undefined) => t === undefined || t === "object";
  return isObjectType(branch) && (isObjectType(parent) || (Array.isArray(parent) && parent.length === 1 && parent[0] === "object"));
}

/** Two schemas of one property: one object when their keywords are disjoint, else their `allOf`. */
function both(a: Json, b: Json): Json {
  if (isObject(a) && isObject(b) && Object.keys(a).every((k) => !(k in b))) return { ...a, ...b };
  return { allOf: [a, b] };
}

function fold(parent: Record<string, Json>, branch: SchemaObject): Record<string, Json> {
  const out: Record<string, Json> = { ...parent };
  // Checked by the validators, named in the JSDoc: kept on the parent unless it has its own.
  for (const key of RUNTIME_ONLY_KEYWORDS) if (key in branch && !(key in out)) out[key] = branch[key] as Json;
  if (branch["type"] !== undefined) out["type"] = "object";
  const properties: Record<string, Json> = { ...(isObject(parent["properties"]) ? parent["properties"] : {}) };
  const own = isObject(branch["properties"]) ? branch["properties"] : {};
  for (const name of Object.keys(own)) {
    const mine = properties[name];
    const theirs = own[name] as Json;
    properties[name] = mine === undefined || JSON.stringify(mine) === JSON.stringify(theirs) ? theirs : both(mine, theirs);
  }
  if (Object.keys(properties).length > 0) out["properties"] = properties;
  const required = [...(Array.isArray(parent["required"]) ? parent["required"] : []), ...(Array.isArray(branch["required"]) ? branch["required"] : [])];
  if (required.length > 0) out["required"] = [...new Set(required)];
  return out;
}
