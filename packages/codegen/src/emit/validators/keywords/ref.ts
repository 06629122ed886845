import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { inPlace } from "./shared.js";

/**
 * `$ref`: the target's walker, in place (its siblings apply too, as 2020-12 says).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
export const ref = defineKeyword({
  keyword: "$ref",
  walk: (value, ctx) => (typeof value === "string" ? [code`${inPlace(ctx.refTarget(), ctx)};`] : []),
});
