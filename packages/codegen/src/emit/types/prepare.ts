import type { Json } from "../../model/types.js";
import { mapSubschemas } from "../../model/subschemas.js";
import { keywordsFor } from "../../schema/by-type.js";
import { isObject } from "../../schema/refs.js";
import { foldAllOf } from "./all-of.js";
import { openRecordType } from "./record.js";
import { RUNTIME_ONLY, takeRuntimeOnly, withNote } from "./runtime-only.js";
import { tupleSchema } from "./tuple.js";

/** What a `$ref` (met at `pointer`) becomes: a type name, imported from `from` when not local. */
export type RefNamer = (ref: string, pointer: string) => { name: string; from?: string };

type SchemaObject = { readonly [k: string]: Json };

/** Dropped: `$defs` are declared on their own; the rest name or describe, json2ts needs none. */
const DROPPED: ReadonlySet<string> = new Set([
  "$id",
  "$defs",
  "$anchor",
  "$dynamicAnchor",
  "$comment",
  "$schema",
  "$vocabulary",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
]);
/** Boolean forms json2ts reads itself (`additionalProperties: false` is a closed object). */
const OWN_BOOLEANS: ReadonlySet<string> = new Set(["additionalProperties", "items"]);
/** Keywords that narrow what a `$ref`'s target accepts, so a `$ref` beside them is an intersection. */
const SHAPING: readonly string[] = [
  "type",
  "properties",
  "patternProperties",
  "additionalProperties",
  "items",
  "prefixItems",
  "enum",
  "const",
  "allOf",
  "anyOf",
  "oneOf",
];

/**
 * Shapes a JSON Schema 2020-12 schema into input json2ts (a draft-4 tool) types soundly, each
 * rewrite because json2ts gets that construct wrong or not at all:
 * - every `$ref` becomes a named type (`tsType`): json2ts would inline or re-declare a referenced
 *   definition in every file that uses it (its issue #579); we declare each once and import it.
 *   Beside keywords that narrow it, a `$ref` is the intersection of its target and them;
 * - boolean schemas: `false` is `never`, `true` is `unknown` (json2ts reads a root boolean as a
 *   file path), and so is a union with an `unknown` member;
 * - a `type` array with `object` or `array` in it splits into one branch per type (json2ts copies
 *   every keyword into every branch and prints `{}` for a bare object);
 * - `allOf` branches of object fields fold into one interface (all-of.ts);
 * - `prefixItems` tuples (tuple.ts); an open record becomes `Record<string, unknown>`;
 * - keywords TypeScript cannot say are taken out and named in the JSDoc (runtime-only.ts);
 *   `unevaluatedProperties`/`unevaluatedItems` beside no applicator are plain
 *   `additionalProperties`/`items` (nothing else evaluates), and are typed as such;
 * - `$defs` (emitted on their own), nested titles (they would spawn extra interfaces named by
 *   json2ts), vendor keywords, `$id`, `$anchor` and `$comment` are dropped.
 * Returns a new value; the model's schema is never mutated.
 */
export function toJson2TsSchema(schema: Json, refName: RefNamer, pointer = "", isRoot = true): Json {
  if (schema === false) return { tsType: "never" };
  if (schema === true) return { tsType: "unknown" };
  if (!isObject(schema)) return schema;
  const node = unevaluatedAsAdditional(splitTypeArray(foldAllOf(schema)));
  if (typeof node["$ref"] === "string") return refType(node, refName, pointer);
  const { rest: constraints, note, never } = takeRuntimeOnly(node, openBesidePatterns(node));
  const described = withNote(node["description"], note);
  if (never) return { tsType: "never", ...described };
  const record = openRecordType(constraints);
  if (record) return { tsType: record, ...described };
  // Children next, through the registry's one walker; what json2ts never reads (runtime-only
  // keywords, `$defs`) is left as written, then dropped.
  const children = mapSubschemas(node, pointer, (sub, at, where) =>
    RUNTIME_ONLY.has(where.keyword) || where.keyword === "$defs" || (OWN_BOOLEANS.has(where.keyword) && typeof sub === "boolean")
      ? sub
      : toJson2TsSchema(sub, refName, at, false),
  );
  const { rest } = takeRuntimeOnly("prefixItems" in children ? tupleSchema(children) : children, openBesidePatterns(node));
  const out: Record<string, Json> = {};
  for (const key of Object.keys(rest)) {
    if (key.startsWith("x-") || DROPPED.has(key) || (key === "title" && !isRoot)) continue;
    out[key] = rest[key] as Json;
  }
  if (described.description !== undefined) out["description"] = described.description;
  if (Array.isArray(out["allOf"])) out["allOf"] = out["allOf"].filter((member: Json) => !isUnknown(member));
  // A union with an `unknown` member is `unknown`, which constrains nothing beside the node's other
  // keywords: it is left out. (json2ts folds it so too, but then drops the declaration altogether:
  // `export type T = unknown` goes missing.)
  for (const via of ["anyOf", "oneOf"]) {
    const members = out[via];
    if (Array.isArray(members) && members.some(isUnknown)) delete out[via];
  }
  // json2ts reads a schema with nothing it recognises (`{"description": ...}`, what is left of
  // `{"not": ...}`) as an open interface, which rejects valid strings and numbers.
  if (!RECOGNISED.some((k) => k in out)) out["tsType"] = "unknown";
  return out;
}

/** Keywords json2ts types from (anything else makes it fall back to an open interface). */
const RECOGNISED: readonly string[] = [...SHAPING, "tsType", "additionalItems"];

/** `unknown` intersects as nothing: such an `allOf` member is left out. */
function isUnknown(schema: Json): boolean {
  // json2ts types a `tsType` as that alone, whatever is beside it.
  return isObject(schema) && schema["tsType"] === "unknown";
}

function refType(node: SchemaObject, refName: RefNamer, pointer: string): Json {
  const { $ref: ref, ...siblings } = node;
  const name = { tsType: refName(ref as string, pointer).name };
  if (!SHAPING.some((k) => k in siblings)) {
    const { note } = takeRuntimeOnly(siblings);
    return { ...name, ...withNote(siblings["description"], note) };
  }
  const { description, title: _title, ...narrowing } = siblings;
  return { allOf: [name, toJson2TsSchema(narrowing, refName, pointer, false)], ...(description === undefined ? {} : { description }) };
}

/** `type: ["array", "object", "null"]` → one `anyOf` branch per type, each with its own keywords. */
function splitTypeArray(schema: SchemaObject): SchemaObject {
  const type = schema["type"];
  if (!Array.isArray(type) || type.length < 2 || !type.some((t) => t === "object" || t === "array")) return schema;
  if ("enum" in schema || "const" in schema || openRecordType(schema)) return schema;
  const keys = Object.keys(schema).filter((k) => k !== "type");
  const shared: Record<string, Json> = {};
  for (const key of keywordsFor("", keys)) shared[key] = schema[key] as Json;
  const branches = (type as string[]).map((t) => {
    const branch: Record<string, Json> = { type: t };
    for (const key of keywordsFor(t, keys)) if (!(key in shared)) branch[key] = schema[key] as Json;
    return branch;
  });
  const { anyOf, ...outer } = shared;
  return anyOf === undefined ? { ...outer, anyOf: branches } : { ...outer, allOf: [{ anyOf }, { anyOf: branches }] };
}

/**
 * `patternProperties` constrain only the names they match: with no `additionalProperties` (or
 * `unevaluatedProperties`) every other name takes any value, so the index signature json2ts
 * derives from the patterns alone (`[k: string]: number`) would reject valid objects. There the
 * patterns are the validators' (the index signature is `unknown`).
 */
function openBesidePatterns(schema: SchemaObject): boolean {
  return "patternProperties" in schema && !("additionalProperties" in schema) && !("unevaluatedProperties" in schema);
}

/**
 * Where no applicator evaluates properties (or items) beside them, `unevaluatedProperties` is
 * `additionalProperties` and `unevaluatedItems` is `items`: the spec's "evaluated" is then exactly
 * what `properties`/`patternProperties` (or `prefixItems`) cover.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */
function unevaluatedAsAdditional(schema: SchemaObject): SchemaObject {
  if (["allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef"].some((k) => k in schema)) return schema;
  let out = schema;
  if ("unevaluatedProperties" in out && !("additionalProperties" in out)) {
    const { unevaluatedProperties, ...rest } = out;
    out = { ...rest, additionalProperties: unevaluatedProperties as Json };
  }
  if ("unevaluatedItems" in out && !("items" in out) && !("contains" in out)) {
    const { unevaluatedItems, ...rest } = out;
    out = { ...rest, items: unevaluatedItems as Json };
  }
  return out;
}
