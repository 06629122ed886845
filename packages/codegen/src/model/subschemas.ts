import { joinPointer } from "../load/pointer.js";
import type { Json } from "./json.js";
import { keywordSpec, type KeywordName } from "./keywords/index.js";

type SchemaObject = { readonly [keyword: string]: Json };

function isObject(value: Json | undefined): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One subschema of a schema object: the keyword holding it, its key (array index or map name), its pointer. */
export interface Subschema {
  readonly keyword: KeywordName;
  /** Index in an array position, name in a map position, absent for a one-schema position. */
  readonly key?: string | number;
  readonly pointer: string;
  readonly schema: Json;
}

/**
 * The direct subschemas of `schema` in document order, found through the keyword registry's
 * positions: the one place that knows where subschemas are. A property *named* `$ref` or an
 * `enum` value is data, not a schema; `x-` extensions and unknown keywords hold no subschemas.
 */
export function subschemas(schema: Json, pointer: string): Subschema[] {
  if (!isObject(schema)) return [];
  const out: Subschema[] = [];
  for (const keyword of Object.keys(schema)) {
    const spec = keywordSpec(keyword);
    if (spec === undefined || spec.positions === "none") continue;
    const name = keyword as KeywordName;
    const value = schema[keyword] as Json;
    const at = joinPointer(pointer, keyword);
    if (spec.positions === "schema") out.push({ keyword: name, pointer: at, schema: value });
    else if (spec.positions === "array" && Array.isArray(value)) {
      value.forEach((sub: Json, i: number) => out.push({ keyword: name, key: i, pointer: joinPointer(at, i), schema: sub }));
    } else if (spec.positions === "map" && isObject(value)) {
      for (const key of Object.keys(value)) out.push({ keyword: name, key, pointer: joinPointer(at, key), schema: value[key] as Json });
    }
  }
  return out;
}

/** Visits `schema` and every subschema under it (depth first, document order) with its pointer. */
export function walkSchemas(schema: Json, visit: (node: Json, pointer: string) => void, pointer = ""): void {
  visit(schema, pointer);
  for (const sub of subschemas(schema, pointer)) walkSchemas(sub.schema, visit, sub.pointer);
}

/**
 * Rebuilds a schema object with every subschema replaced by `convert(sub, pointer)` and every data
 * value by `data(value)`, keeping the keywords' order (a caller that wants them sorted sorts).
 * Booleans at a one-schema position pass through `convert` like any schema.
 */
export function mapSubschemas(
  schema: SchemaObject,
  pointer: string,
  convert: (sub: Json, pointer: string, at: Omit<Subschema, "pointer" | "schema">) => Json,
  data: (value: Json) => Json = (v) => v,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const keyword of Object.keys(schema)) {
    const spec = keywordSpec(keyword);
    const name = keyword as KeywordName;
    const value = schema[keyword] as Json;
    const at = joinPointer(pointer, keyword);
    if (spec?.positions === "schema") out[keyword] = convert(value, at, { keyword: name });
    else if (spec?.positions === "array" && Array.isArray(value)) {
      out[keyword] = value.map((sub: Json, i: number) => convert(sub, joinPointer(at, i), { keyword: name, key: i }));
    } else if (spec?.positions === "map" && isObject(value)) {
      const named: Record<string, Json> = {};
      for (const key of Object.keys(value)) named[key] = convert(value[key] as Json, joinPointer(at, key), { keyword: name, key });
      out[keyword] = named;
    } else out[keyword] = data(value);
  }
  return out;
}
