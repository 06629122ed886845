import { code, join, type Code } from "../code.js";
import type { Json } from "../../../model/types.js";
import { defineKeyword } from "./keyword.js";

/** The check of each JSON type, as TypeBox compiles it (so the walker agrees with the check). */
const TYPE_CHECKS: Readonly<Record<string, Code>> = {
  string: code`typeof v === "string"`,
  number: code`Number.isFinite(v)`,
  integer: code`Number.isInteger(v)`,
  boolean: code`typeof v === "boolean"`,
  null: code`v === null`,
  object: code`(typeof v === "object" && v !== null && !Array.isArray(v))`,
  array: code`Array.isArray(v)`,
};

export function typeList(value: Json | undefined): readonly string[] {
  return typeof value === "string" ? [value] : Array.isArray(value) ? (value.filter((x) => typeof x === "string") as string[]) : [];
}

/** The test of a node's `type` keyword on `v` (one of its types). */
export function typeTest(list: readonly string[]): Code {
  return join(
    list.map((t) => TYPE_CHECKS[t] ?? code`false`),
    " || ",
  );
}

/**
 * A wrong type ends the node's walk: every other keyword's error would be noise.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.1
 */
export const type = defineKeyword({
  keyword: "type",
  walk: (value) => {
    const list = typeList(value);
    if (list.length === 0) return [];
    return [code`if (!(${typeTest(list)})) return rt.typeError(out, path, ${list.join(" or ")}, v);`];
  },
});
