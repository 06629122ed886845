import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { inPlace } from "./shared.js";

/** Every branch, in place: each one's errors are the node's. @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.1 */
export const allOf = defineKeyword({
  keyword: "allOf",
  walk: (value, ctx) => (Array.isArray(value) ? value.map((_, i) => code`${inPlace(ctx.walker("allOf", i), ctx)};`) : []),
});
