import { code, type Code } from "../code.js";
import { isSchemaObject, propertyNames, requiredNames } from "../schema.js";
import { defineKeyword, type KeywordContext } from "./keyword.js";
import { atChild, mark } from "./shared.js";

/**
 * Whether the object has the property: `in` (what TypeBox tests) for a required name, present
 * and defined for an optional one; `Object.hasOwn` for a name every object inherits (`toString`).
 */
export function hasProperty(key: string, ctx: KeywordContext): Code {
  if (key in Object.prototype) return code`Object.hasOwn(v, ${key})`;
  return requiredNames(ctx.node).includes(key) ? code`${key} in v` : code`${key} in v && v[${key}] !== undefined`;
}

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.1 */
export const properties = defineKeyword({
  keyword: "properties",
  applies: "object",
  walk: (value, ctx) => {
    if (!isSchemaObject(value)) return [];
    return propertyNames(ctx.node).map((key) => {
      const walk = atChild(code`${key}`, ctx.walker("properties", key), code`v[${key}]`, value[key]);
      const marked = mark(ctx, code`rt.markProp(${ctx.ev ?? code``}, ${key});`);
      return marked.length === 0 ? code`if (${hasProperty(key, ctx)}) ${walk}` : code`if (${hasProperty(key, ctx)}) { ${walk} ${marked} }`;
    });
  },
});
