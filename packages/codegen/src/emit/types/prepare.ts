import type { Json } from "../../model/types.js";
import { isObject } from "../../schema/refs.js";

/**
 * Adapts a schema to json-schema-to-typescript's output conventions:
 * - an open record (`{"type": "object", "additionalProperties": {}}`) becomes
 *   `Record<string, unknown>` (json2ts would print `{ [k: string]: unknown }`),
 * - vendor keywords and `$id` are dropped so they cannot steer naming.
 * Returns a new value; the model's schema is never mutated.
 */
export function toJson2TsSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJson2TsSchema);
  if (!isObject(schema)) return schema;
  const record = openRecordType(schema);
  if (record) {
    const out: Record<string, Json> = { tsType: record };
    if (typeof schema["description"] === "string") out["description"] = schema["description"];
    return out;
  }
  const out: Record<string, Json> = {};
  for (const key of Object.keys(schema)) {
    if (key.startsWith("x-") || key === "$id") continue;
    const value = schema[key] as Json;
    // Data positions are copied as they are; every other object value is a schema or a map of them.
    out[key] = key === "enum" || key === "const" || key === "examples" || key === "default" ? value : toJson2TsSchema(value);
  }
  return out;
}

function openRecordType(schema: { readonly [k: string]: Json }): string | undefined {
  const type = schema["type"];
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes("object") || "properties" in schema || "$ref" in schema) return undefined;
  const extra = schema["additionalProperties"];
  if (!(extra === undefined || extra === true || (isObject(extra) && Object.keys(extra).length === 0))) return undefined;
  const others = types.filter((t) => t !== "object");
  if (others.some((t) => t !== "null")) return undefined;
  return others.length ? "Record<string, unknown> | null" : "Record<string, unknown>";
}
