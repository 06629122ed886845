import { code, join, type Code } from "../code.js";
import type { Json } from "../../../model/types.js";
import { defineKeyword } from "./keyword.js";

/** `v` equals a JSON value: `===` for a primitive, deep equality (rt.equal) for an object or array. */
export function equalTo(value: Json): Code {
  // JSON.parse, not a literal: a `"__proto__"` key stays an own property.
  return typeof value === "object" && value !== null
    ? code`rt.equal(v, JSON.parse(${JSON.stringify(value)}))`
    : code`v === ${value as string | number | boolean | null}`;
}

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2 */
export const enumKeyword = defineKeyword({
  keyword: "enum",
  walk: (values) => {
    if (!Array.isArray(values)) return [];
    const shown = values.map((x) => JSON.stringify(x)).join(", ");
    const tests = values.length === 0 ? [code`false`] : values.map(equalTo);
    return [code`if (!(${join(tests, " || ")})) rt.fail(out, path, "enum", ${`must be one of ${shown}`}, v);`];
  },
});
