import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { atChild, mark } from "./shared.js";

/** Item i against schema i, as far as both go. @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.1 */
export const prefixItems = defineKeyword({
  keyword: "prefixItems",
  applies: "array",
  walk: (value, ctx) => {
    if (!Array.isArray(value)) return [];
    const each = value.map((_, i) => code`if (v.length > ${i}) ${atChild(code`${i}`, ctx.walker("prefixItems", i), code`v[${i}]`, value[i])}`);
    return [...each, ...mark(ctx, code`rt.markItems(${ctx.ev ?? code``}, Math.min(v.length, ${value.length}));`)];
  },
});
