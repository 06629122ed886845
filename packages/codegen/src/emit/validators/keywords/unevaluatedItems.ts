import { code } from "../code.js";
import { isEmptySchema } from "../schema.js";
import { defineKeyword } from "./keyword.js";
import { atChild } from "./shared.js";

/** The items no adjacent keyword and no passing in-place subschema evaluated. @see https://json-schema.org/draft/2020-12/json-schema-core#section-11.2 */
export const unevaluatedItems = defineKeyword({
  keyword: "unevaluatedItems",
  applies: "array",
  walk: (value, ctx) => {
    const ev = ctx.ev ?? code`undefined`;
    if (isEmptySchema(value)) return [code`rt.markAllItems(${ev});`];
    const action = value === false ? code`rt.unevaluatedItem(out, path, i);` : atChild(code`i`, ctx.walker("unevaluatedItems"), code`v[i]`, value);
    return [code`for (let i = 0; i < v.length; i++) if (!rt.isItemEvaluated(${ev}, i)) ${action}`, code`rt.markAllItems(${ev});`];
  },
});
