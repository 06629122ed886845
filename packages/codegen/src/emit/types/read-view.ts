import type { Json } from "../../model/types.js";
import { mapSubschemas } from "../../model/subschemas.js";
import { isObject } from "../../schema/refs.js";

/**
 * The read view's type (`X`, a response): readOnly properties `readonly`, writeOnly ones left out
 * (a server never returns them). json-schema-to-typescript has no readonly property modifier, so a
 * readOnly property's name carries a marker through it and `markReadonly` turns the marker into
 * the modifier on the printed declaration: a rename json2ts passes through untouched, where
 * re-parsing its output to find the property again would need the TypeScript compiler.
 * The write views (`XInput`, `XPatch`) are entities of their own (`model/views.ts`).
 */
const MARK = "READONLY_c0ntracts_";

export function readView(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const out = mapSubschemas(schema, "", (sub) => readView(sub));
  const properties = out["properties"];
  if (!isObject(properties)) return out;
  const flag = (name: string, key: "readOnly" | "writeOnly") => {
    const sub = (schema["properties"] as Record<string, Json>)[name];
    return isObject(sub) && sub[key] === true;
  };
  const renamed: Record<string, Json> = {};
  const rename = new Map<string, string>();
  for (const name of Object.keys(properties)) {
    if (flag(name, "writeOnly")) continue;
    const key = flag(name, "readOnly") ? `${MARK}${name}` : name;
    rename.set(name, key);
    renamed[key] = properties[name] as Json;
  }
  out["properties"] = renamed;
  const required = out["required"];
  if (Array.isArray(required)) out["required"] = required.flatMap((n) => (typeof n === "string" ? (rename.has(n) ? [rename.get(n) as string] : []) : [n]));
  return out;
}

/** The printed declarations with each marked property `readonly` (json2ts quotes a name that is no identifier). */
export function markReadonly(text: string): string {
  return text.replace(new RegExp(`^(\\s*)(")?${MARK}`, "gm"), "$1readonly $2");
}
