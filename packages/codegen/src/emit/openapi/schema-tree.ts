import type { Json } from "../../model/types.js";
import { mapSubschemas as walkSubschemas } from "../../model/subschemas.js";
import { compareCodeUnits } from "../../errors.js";
import { isObject } from "../../schema/refs.js";

export type SchemaObject = { readonly [keyword: string]: Json };

/**
 * Rebuilds a schema object with every subschema (the keyword registry's positions, through the
 * one walker) replaced by `convert(sub, pointer)`; every other value is data and is copied with
 * its object keys sorted. Keywords come out in code-unit order, except the names under
 * `properties`, which keep the schema's order (documentation tools show fields in that order).
 * A boolean at a one-schema position (`additionalProperties: false`) is kept as it is, and
 * `$defs` entries are copied as data: each becomes a component of its own.
 */
export function mapSubschemas(schema: SchemaObject, pointer: string, convert: (sub: Json, pointer: string) => Json): Record<string, Json> {
  const mapped = walkSubschemas(
    schema,
    pointer,
    (sub, at, where) => (where.keyword === "$defs" || (where.key === undefined && typeof sub === "boolean") ? sortData(sub) : convert(sub, at)),
    sortData,
  );
  return sortKeys(mapped);
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
