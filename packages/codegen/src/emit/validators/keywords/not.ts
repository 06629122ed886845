import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";

/** The value must fail the subschema (whose annotations never count). @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.4 */
export const not = defineKeyword({
  keyword: "not",
  walk: (_, ctx) => [code`if (rt.passes(${ctx.walker("not")}, v, path, undefined)) rt.fail(out, path, "not", ${"must not match the schema in not"}, v);`],
});
