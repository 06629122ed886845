import type { Json } from "../../model/types.js";
import { joinPointer } from "../../load/pointer.js";
import { compareCodeUnits } from "../../errors.js";
import { isObject } from "../../schema/refs.js";

export type SchemaObject = { readonly [keyword: string]: Json };

/** 2020-12 keywords whose value is one subschema. */
const ONE: ReadonlySet<string> = new Set([
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
]);
/** ... an array of subschemas. */
const MANY: ReadonlySet<string> = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);
/**
 * ... a map of named subschemas. `properties` keeps schema order (documentation tools show fields
 * in that order), and so do the others: their names are data a reader wrote in an order too.
 */
const NAMED: ReadonlySet<string> = new Set(["properties", "patternProperties", "dependentSchemas"]);

/**
 * Rebuilds a schema object with every subschema replaced by `convert(sub, pointer)`; every other
 * value is data and is copied with its object keys sorted. Keywords come out in code-unit order,
 * except the names under `properties` (and the other named maps), which keep the schema's order.
 * Boolean subschemas are passed to `convert` like any other, except `additionalProperties`, whose
 * boolean form both OpenAPI versions share.
 */
export function mapSubschemas(schema: SchemaObject, pointer: string, convert: (sub: Json, pointer: string) => Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of Object.keys(schema).sort(compareCodeUnits)) {
    const value = schema[key] as Json;
    const at = joinPointer(pointer, key);
    if (ONE.has(key) && !(key === "additionalProperties" && typeof value === "boolean")) out[key] = convert(value, at);
    else if (MANY.has(key) && Array.isArray(value)) out[key] = value.map((sub: Json, i: number) => convert(sub, joinPointer(at, i)));
    else if (NAMED.has(key) && isObject(value)) {
      const named: Record<string, Json> = {};
      for (const name of Object.keys(value)) named[name] = convert(value[name] as Json, joinPointer(at, name));
      out[key] = named;
    } else out[key] = sortData(value);
  }
  return out;
}

/** A data value (enum member, default, example, `x-` annotation) with object keys sorted. */
export function sortData(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortData);
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort(compareCodeUnits)) out[key] = sortData(value[key] as Json);
  return out;
}

/** A copy of an object with keys in code-unit order (values untouched). */
export function sortKeys(value: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort(compareCodeUnits)) out[key] = value[key] as Json;
  return out;
}

export { isObject };
