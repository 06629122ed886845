import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { counted } from "./shared.js";

/** In code points, like Ajv and TypeBox. @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.1 */
export const maxLength = defineKeyword({
  keyword: "maxLength",
  applies: "string",
  walk: (n) =>
    typeof n === "number"
      ? [code`if (rt.codePoints(v) > ${n}) rt.fail(out, path, "maxLength", ${`must have at most ${counted(n, "character", "characters")}`}, v);`]
      : [],
});
