import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";

/** At the array, as Ajv reports it; the message names the first repeat (rt.duplicates). @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.3 */
export const uniqueItems = defineKeyword({
  keyword: "uniqueItems",
  applies: "array",
  walk: (value) => (value === true ? [code`rt.duplicates(out, path, v);`] : []),
});
