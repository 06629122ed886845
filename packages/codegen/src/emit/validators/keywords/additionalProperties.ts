import { code, join } from "../code.js";
import { isEmptySchema, propertyNames, requiredNames } from "../schema.js";
import { defineKeyword } from "./keyword.js";
import { patterns } from "./patternProperties.js";
import { atChild, mark } from "./shared.js";

/**
 * The own names neither `properties` nor `patternProperties` covers: refused (`false`) or walked;
 * `{}` accepts any value, unread, as Ajv does. Errors sit at the object and name the property. The
 * keys come through rt.keysOf: past the key budget, one `maxKeys` error instead of a walk per key.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 */
export const additionalProperties = defineKeyword({
  keyword: "additionalProperties",
  applies: "object",
  walk: (extra, ctx) => {
    const declared = propertyNames(ctx.node);
    const required = requiredNames(ctx.node);
    const matched = [...declared.map((k) => code`k === ${k}`), ...patterns(ctx).map(([, re]) => code`${re}.test(k)`)];
    const isDeclared = join(matched, " || ");
    // With every property required and no others allowed, TypeBox counts own names (enumerable or not).
    const keys =
      extra === false && matched.length === declared.length && declared.length === required.length && declared.every((k) => required.includes(k))
        ? code`rt.keysOf(out, path, v, true)`
        : code`rt.keysOf(out, path, v, false)`;
    const each = (action: ReturnType<typeof code>) =>
      matched.length === 0 ? code`for (const k of ${keys}) ${action}` : code`for (const k of ${keys}) if (!(${isDeclared})) ${action}`;
    const marked = mark(ctx, code`rt.markAllProps(${ctx.ev ?? code``});`);
    if (extra === false) return [each(code`rt.notAllowed(out, path, k);`), ...marked];
    if (isEmptySchema(extra)) return marked;
    return [each(atChild(code`k`, ctx.walker("additionalProperties"), code`v[k]`)), ...marked];
  },
});
