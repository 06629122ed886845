import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { counted } from "./shared.js";

/** In code points, like Ajv and TypeBox. @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.2 */
export const minLength = defineKeyword({
  keyword: "minLength",
  applies: "string",
  walk: (n) =>
    typeof n === "number"
      ? [code`if (rt.codePoints(v) < ${n}) rt.fail(out, path, "minLength", ${`must have at least ${counted(n, "character", "characters")}`}, v);`]
      : [],
});
