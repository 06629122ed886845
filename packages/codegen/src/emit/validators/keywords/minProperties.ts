import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { counted } from "./shared.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.2 */
export const minProperties = defineKeyword({
  keyword: "minProperties",
  applies: "object",
  walk: (n) =>
    typeof n === "number"
      ? [code`if (Object.keys(v).length < ${n}) rt.fail(out, path, "minProperties", ${`must have at least ${counted(n, "property", "properties")}`}, v);`]
      : [],
});
