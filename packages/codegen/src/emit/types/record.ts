import type { Json } from "../../model/types.js";
import { isObject } from "../../schema/refs.js";

/**
 * An open record (`{"type": "object"}` with no declared properties, any other property allowed)
 * as `Record<string, unknown>` (json2ts would print `{ [k: string]: unknown }`), a closed empty
 * object as `Record<string, never>`; `| null` when the type array allows null. `undefined` for anything else.
 */
export function openRecordType(schema: { readonly [k: string]: Json }): string | undefined {
  const type = schema["type"];
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes("object") || "properties" in schema || "patternProperties" in schema) return undefined;
  const extra = schema["additionalProperties"];
  const others = types.filter((t) => t !== "object");
  if (others.some((t) => t !== "null")) return undefined;
  const orNull = others.length ? " | null" : "";
  if (["allOf", "anyOf", "oneOf", "$ref", "enum", "const"].some((k) => k in schema)) return undefined;
  // Closed and empty: only `{}` (json2ts's `{}` would take any non-nullish value, strings too).
  if (extra === false) return `Record<string, never>${orNull}`;
  if (!(extra === undefined || extra === true || (isObject(extra) && Object.keys(extra).length === 0))) return undefined;
  return `Record<string, unknown>${orNull}`;
}
