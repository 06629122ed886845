import { code } from "../code.js";
import { isEmptySchema } from "../schema.js";
import { defineKeyword } from "./keyword.js";

/** Each own name, as a string, against the schema; the error names the property. @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.4 */
export const propertyNamesKeyword = defineKeyword({
  keyword: "propertyNames",
  applies: "object",
  walk: (value, ctx) => (isEmptySchema(value) ? [] : [code`rt.propertyNames(out, path, v, ${ctx.walker("propertyNames")});`]),
});
