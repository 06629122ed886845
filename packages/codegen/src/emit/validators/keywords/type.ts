import { code, join, type Code } from "../code.js";
import type { Json } from "../../../model/types.js";
import { defineKeyword } from "./keyword.js";

/** The check of each JSON type on a value, as TypeBox compiles it (so the walker agrees with the check). */
const TYPE_CHECKS: Readonly<Record<string, (x: Code) => Code>> = {
  string: (x) => code`typeof ${x} === "string"`,
  number: (x) => code`Number.isFinite(${x})`,
  integer: (x) => code`Number.isInteger(${x})`,
  boolean: (x) => code`typeof ${x} === "boolean"`,
  null: (x) => code`${x} === null`,
  object: (x) => code`(typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x}))`,
  array: (x) => code`Array.isArray(${x})`,
};

export function typeList(value: Json | undefined): readonly string[] {
  return typeof value === "string" ? [value] : Array.isArray(value) ? (value.filter((x) => typeof x === "string") as string[]) : [];
}

/** The test of a node's `type` keyword (one of its types) on `value`, the walker's `v` by default. */
export function typeTest(list: readonly string[], value: Code = code`v`): Code {
  return join(
    list.map((t) => TYPE_CHECKS[t]?.(value) ?? code`false`),
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
