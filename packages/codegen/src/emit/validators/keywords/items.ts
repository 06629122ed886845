import { code } from "../code.js";
import { isEmptySchema } from "../schema.js";
import { defineKeyword } from "./keyword.js";
import { atChild, counted, mark } from "./shared.js";

/**
 * Every item after `prefixItems` (`{}` or no items: any item, as Ajv judges it).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.2
 */
export const items = defineKeyword({
  keyword: "items",
  applies: "array",
  walk: (value, ctx) => {
    const marked = mark(ctx, code`rt.markAllItems(${ctx.ev ?? code``});`);
    if (isEmptySchema(value)) return marked;
    const prefix = ctx.node["prefixItems"];
    const from = Array.isArray(prefix) ? prefix.length : 0;
    if (value === false)
      return [code`if (v.length > ${from}) rt.fail(out, path, "items", ${`must have at most ${counted(from, "item", "items")}`}, v);`, ...marked];
    const walk = atChild(code`i`, ctx.walker("items"), code`v[i]`, value);
    return [code`for (let i = ${from}; i < v.length && out.length < rt.MAX_ERRORS; i++) ${walk}`, ...marked];
  },
});
