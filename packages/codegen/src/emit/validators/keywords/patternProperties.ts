import { code, type Code } from "../code.js";
import { joinPointer } from "../../../load/pointer.js";
import { isSchemaObject, type SchemaObject } from "../schema.js";
import { defineKeyword, type KeywordContext } from "./keyword.js";
import { atChild, mark } from "./shared.js";

/** The patterns of a node's `patternProperties`, each with its module-level RegExp. */
export function patterns(ctx: KeywordContext): [string, Code][] {
  const value = ctx.node["patternProperties"];
  return isSchemaObject(value) ? Object.keys(value).map((p) => [p, ctx.regexp(p, joinPointer(ctx.pointer, "patternProperties", p))]) : [];
}

/** Every own name matching a pattern is walked with that pattern's schema. @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.2 */
export const patternProperties = defineKeyword({
  keyword: "patternProperties",
  applies: "object",
  walk: (_, ctx) => {
    const list = patterns(ctx);
    if (list.length === 0) return [];
    const each = list.map(([p, re]) => {
      const marked = mark(ctx, code`rt.markProp(${ctx.ev ?? code``}, k);`);
      return code`if (${re}.test(k)) { ${atChild(code`k`, ctx.walker("patternProperties", p), code`v[k]`, (ctx.node["patternProperties"] as SchemaObject)[p])} ${marked} }`;
    });
    return [code`for (const k of rt.keysOf(out, path, v, false)) { ${each} }`];
  },
});
