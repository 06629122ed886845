import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { counted } from "./shared.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.1 */
export const maxItems = defineKeyword({
  keyword: "maxItems",
  applies: "array",
  walk: (n) =>
    typeof n === "number" ? [code`if (v.length > ${n}) rt.fail(out, path, "maxItems", ${`must have at most ${counted(n, "item", "items")}`}, v);`] : [],
});
