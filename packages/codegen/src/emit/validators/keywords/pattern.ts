import { code } from "../code.js";
import { joinPointer } from "../../../load/pointer.js";
import { defineKeyword } from "./keyword.js";

/** A Unicode (`u`) regexp, unanchored, as Ajv compiles it. @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3 */
export const pattern = defineKeyword({
  keyword: "pattern",
  applies: "string",
  walk: (value, ctx) =>
    typeof value === "string"
      ? [code`if (!${ctx.regexp(value, joinPointer(ctx.pointer, "pattern"))}.test(v)) rt.fail(out, path, "pattern", ${`must match the pattern ${value}`}, v);`]
      : [],
});
