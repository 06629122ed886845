import type { Json } from "../../model/types.js";
import { joinPointer } from "../../load/pointer.js";
import { isObject } from "../../schema/refs.js";

/** What a `$ref` (met at `pointer`) becomes: a type name, imported from `from` when not local. */
export type RefNamer = (ref: string, pointer: string) => { name: string; from?: string };

/**
 * Adapts a schema to json-schema-to-typescript's output conventions:
 * - every `$ref` becomes a named type (`tsType`): json2ts would inline or re-declare a referenced
 *   definition in every file that uses it (its issue #579); we declare each once and import it;
 * - an open record (`{"type": "object", "additionalProperties": {}}`) becomes
 *   `Record<string, unknown>` (json2ts would print `{ [k: string]: unknown }`);
 * - `$defs` (emitted on their own), nested titles (they would spawn extra interfaces named by
 *   json2ts), vendor keywords and `$id` are dropped.
 * Returns a new value; the model's schema is never mutated.
 */
export function toJson2TsSchema(schema: Json, refName: RefNamer, pointer = "", isRoot = true): Json {
  if (Array.isArray(schema)) return schema.map((item: Json, i: number) => toJson2TsSchema(item, refName, joinPointer(pointer, i), false));
  if (!isObject(schema)) return schema;
  const description = typeof schema["description"] === "string" ? { description: schema["description"] } : {};
  if (typeof schema["$ref"] === "string") {
    return { tsType: refName(schema["$ref"], pointer).name, ...description };
  }
  const record = openRecordType(schema);
  if (record) return { tsType: record, ...description };
  const out: Record<string, Json> = {};
  for (const key of Object.keys(schema)) {
    if (key.startsWith("x-") || key === "$id" || key === "$defs" || (key === "title" && !isRoot)) continue;
    const value = schema[key] as Json;
    if (key === "enum" || key === "const" || key === "examples" || key === "default" || key === "required") {
      out[key] = value; // data, not schemas
    } else if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.keys(value).map((name) => [name, toJson2TsSchema(value[name] as Json, refName, joinPointer(pointer, key, name), false)]),
      );
    } else {
      out[key] = toJson2TsSchema(value, refName, joinPointer(pointer, key), false);
    }
  }
  return out;
}

function openRecordType(schema: { readonly [k: string]: Json }): string | undefined {
  const type = schema["type"];
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes("object") || "properties" in schema) return undefined;
  const extra = schema["additionalProperties"];
  if (!(extra === undefined || extra === true || (isObject(extra) && Object.keys(extra).length === 0))) return undefined;
  const others = types.filter((t) => t !== "object");
  if (others.some((t) => t !== "null")) return undefined;
  return others.length ? "Record<string, unknown> | null" : "Record<string, unknown>";
}
