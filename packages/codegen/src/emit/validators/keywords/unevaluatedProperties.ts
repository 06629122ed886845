import { code } from "../code.js";
import { isEmptySchema } from "../schema.js";
import { defineKeyword } from "./keyword.js";
import { atChild } from "./shared.js";

/**
 * The own names no adjacent keyword and no passing in-place subschema evaluated (the node's
 * evaluation record, which every walker of the project keeps when a schema uses this keyword).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11.3
 */
export const unevaluatedProperties = defineKeyword({
  keyword: "unevaluatedProperties",
  applies: "object",
  walk: (value, ctx) => {
    const ev = ctx.ev ?? code`undefined`;
    if (isEmptySchema(value)) return [code`rt.markAllProps(${ev});`];
    const action =
      value === false ? code`rt.notAllowed(out, path, k, "unevaluatedProperties");` : atChild(code`k`, ctx.walker("unevaluatedProperties"), code`v[k]`, value);
    return [code`for (const k of rt.keysOf(out, path, v, false)) if (!rt.isPropEvaluated(${ev}, k)) ${action}`, code`rt.markAllProps(${ev});`];
  },
});
