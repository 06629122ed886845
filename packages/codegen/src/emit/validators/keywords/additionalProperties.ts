import type { Json } from "../../../model/types.js";
import { code, join } from "../code.js";
import { isEmptySchema, propertyNames, requiredNames, type SchemaObject } from "../schema.js";
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
  check: {
    // TypeBox checks this shape by counting `Object.getOwnPropertyNames(v)`: V8 enumerates every
    // key for it, about 3x the cost of the `for...in` Ajv runs (1.3 s against 0.45 s on a
    // million-key object), so rt.closed looks at own enumerable keys with `for...in` instead
    // (stopping at the first unknown one), as the walker's rt.keysOf and Ajv do.
    // The test per key is emitted inline (a chain of `===`, as Ajv's), not a shared loop over a list.
    // A missing required property (the value fails `required` anyway) answers before the keys
    // are listed: the `in` tests cost a few ns, the `for...in` tens.
    refine: (extra, node, use) => (isClosedByName(extra, node) ? use(closedTest(node)) : undefined),
    drop: (extra, node) => isClosedByName(extra, node),
    // Before the properties' checks, as TypeBox's count was: an unknown key fails before two URIs are scanned.
    early: true,
  },
  walk: (extra, ctx) => {
    const declared = propertyNames(ctx.node);
    const matched = [...declared.map((k) => code`k === ${k}`), ...patterns(ctx).map(([, re]) => code`${re}.test(k)`)];
    const isDeclared = join(matched, " || ");
    // Own enumerable keys, as rt.closed and TypeBox's other object checks count them.
    const keys = code`rt.keysOf(out, path, v, false)`;
    const each = (action: ReturnType<typeof code>) =>
      matched.length === 0 ? code`for (const k of ${keys}) ${action}` : code`for (const k of ${keys}) if (!(${isDeclared})) ${action}`;
    const marked = mark(ctx, code`rt.markAllProps(${ctx.ev ?? code``});`);
    if (extra === false) return [each(code`rt.notAllowed(out, path, k);`), ...marked];
    if (isEmptySchema(extra)) return marked;
    return [each(atChild(code`k`, ctx.walker("additionalProperties"), code`v[k]`, extra)), ...marked];
  },
});

/**
 * `false` and no `patternProperties`: the declared names are the whole test, so rt.closed runs it
 * (TypeBox would test each of `Object.getOwnPropertyNames(v)` against a regexp of the names, or
 * count them when every property is required). With patterns TypeBox's own check stays.
 */
function isClosedByName(extra: Json, node: SchemaObject): boolean {
  return extra === false && !("patternProperties" in node);
}

/** rt.closed's test: the required names present, then no own enumerable key outside the declared ones. */
function closedTest(node: SchemaObject) {
  const declared = propertyNames(node);
  const required = requiredNames(node);
  const present =
    required.length === 0
      ? code``
      : code`if (!(${join(
          required.map((k) => code`${k} in v`),
          " && ",
        )})) return false; `;
  const unknown =
    declared.length === 0
      ? code`rt.isOwn(v, k)`
      : code`!(${join(
          declared.map((k) => code`k === ${k}`),
          " || ",
        )}) && rt.isOwn(v, k)`;
  return code`rt.closed((v: object) => { ${present}for (const k in v) if (${unknown}) return false; return true; })`;
}
