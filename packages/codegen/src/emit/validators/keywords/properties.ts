import { code, type Code } from "../code.js";
import { isAnnotation } from "../../../schema/keywords.js";
import { isSchemaObject, propertyNames, requiredNames, types, type SchemaObject } from "../schema.js";
import { defineKeyword, type KeywordContext } from "./keyword.js";
import { atChild, mark } from "./shared.js";
import { typeTest } from "./type.js";

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
      const child = value[key];
      const only = isSchemaObject(child) ? typeOnly(child) : undefined;
      // A child that says only its type reports nothing when the type holds, so its walker is
      // called (and the path grown) only when it does not: most properties of a wrong value are right.
      const walk =
        only === undefined
          ? atChild(code`${key}`, ctx.walker("properties", key), code`v[${key}]`)
          : code`{ const c = v[${key}]; if (!(${typeTest(only, code`c`)})) ${atChild(code`${key}`, ctx.walker("properties", key), code`c`)} }`;
      const marked = mark(ctx, code`rt.markProp(${ctx.ev ?? code``}, ${key});`);
      return marked.length === 0 ? code`if (${hasProperty(key, ctx)}) ${walk}` : code`if (${hasProperty(key, ctx)}) { ${walk} ${marked} }`;
    });
  },
});

/** The types of a schema that asserts nothing but its `type` (beside annotations), if it is one. */
function typeOnly(schema: SchemaObject): readonly string[] | undefined {
  const list = types(schema);
  if (list.length === 0 || !Object.keys(schema).every((k) => k === "type" || isAnnotation(k))) return undefined;
  return list;
}
