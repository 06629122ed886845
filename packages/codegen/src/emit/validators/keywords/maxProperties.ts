import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { counted } from "./shared.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.1 */
export const maxProperties = defineKeyword({
  keyword: "maxProperties",
  applies: "object",
  walk: (n) =>
    typeof n === "number"
      ? [code`if (Object.keys(v).length > ${n}) rt.fail(out, path, "maxProperties", ${`must have at most ${counted(n, "property", "properties")}`}, v);`]
      : [],
});
