import type { Json } from "../../../model/types.js";
import { isObject } from "../schema-tree.js";
import type { Step } from "./context.js";

/** Applicators whose evaluated properties (or items) `unevaluated*` sees (`not` passes none on). */
const EVALUATES = ["allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef"] as const;

const trivial = (schema: Json | undefined) => schema === true || (isObject(schema) && Object.keys(schema).length === 0);

/**
 * `unevaluatedProperties` beside no applicator is `additionalProperties` (only `properties` and
 * `patternProperties` evaluate), and is a no-op beside an `additionalProperties` (which evaluates
 * every other property); `unevaluatedItems` likewise is `items` or a no-op. `true`/`{}` never
 * constrain. Anything else needs the annotations 3.0 does not have: left for `unexpressible`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */
export const unevaluated: Step = (node, { raw }) => {
  let out = node;
  const plain = !EVALUATES.some((k) => k in raw);
  for (const [keyword, local, blockers] of [
    ["unevaluatedProperties", "additionalProperties", []],
    ["unevaluatedItems", "items", ["prefixItems", "contains"]],
  ] as const) {
    if (!(keyword in out)) continue;
    const { [keyword]: value, ...rest } = out;
    if (trivial(raw[keyword]) || local in out) out = rest;
    else if (plain && !blockers.some((k) => k in raw)) {
      // `additionalProperties` keeps its boolean form in 3.0; `items` must be a schema.
      const bare = raw[keyword];
      out = { ...rest, [local]: local === "additionalProperties" && typeof bare === "boolean" ? bare : (value as Json) };
    }
  }
  return out;
};

/**
 * The cases of the keywords below that constrain nothing, or what 3.0 has a keyword for:
 * `contains` that every item passes (`true`, `{}`) counts items (`minItems`/`maxItems` from
 * `minContains`, default 1, and `maxContains`); `propertyNames: true`/`{}` and a
 * `patternProperties` of such schemas (beside no `additionalProperties` or
 * `unevaluatedProperties`, which would see its names) constrain nothing; `propertyNames: false`
 * allows only the empty object (`maxProperties: 0`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.3 (contains)
 */
export const trivialCases: Step = (node, { raw }) => {
  let out: Record<string, Json> = node;
  const without = (keyword: string) => Object.fromEntries(Object.entries(out).filter(([k]) => k !== keyword)) as Record<string, Json>;
  if (trivial(raw["contains"])) {
    const min = typeof raw["minContains"] === "number" ? raw["minContains"] : 1;
    const max = raw["maxContains"];
    const { contains: _c, minContains: _min, maxContains: _max, ...rest } = out;
    out = { ...rest, minItems: Math.max(min, typeof rest["minItems"] === "number" ? rest["minItems"] : 0) };
    if (typeof max === "number") out["maxItems"] = Math.min(max, typeof rest["maxItems"] === "number" ? rest["maxItems"] : max);
  }
  if (trivial(raw["propertyNames"])) out = without("propertyNames");
  else if (raw["propertyNames"] === false) out = { ...without("propertyNames"), maxProperties: 0 };
  const patterns = raw["patternProperties"];
  if (isObject(patterns) && Object.values(patterns).every(trivial) && !("additionalProperties" in raw) && !("unevaluatedProperties" in raw)) {
    out = without("patternProperties");
  }
  return out;
};

/** What each keyword 3.0 cannot say is, for the problem's message. */
const UNEXPRESSIBLE: { readonly [keyword: string]: string } = {
  prefixItems: "a tuple (`prefixItems`): 3.0 `items` is one schema for every item",
  patternProperties: "`patternProperties`: 3.0 has no keyword that constrains properties by name pattern",
  propertyNames: "`propertyNames`: 3.0 cannot constrain property names",
  contains: "`contains`: 3.0 cannot require some item to match a schema",
  unevaluatedProperties: "`unevaluatedProperties` beside applicators: 3.0 has no notion of evaluated properties",
  unevaluatedItems: "`unevaluatedItems` beside applicators or a tuple: 3.0 has no notion of evaluated items",
  $dynamicRef: "`$dynamicRef`: its target depends on the dynamic scope, which components do not keep",
};

/**
 * Keywords no 3.0 construct can stand in for (after the rewrites above) are reported, each at its
 * own pointer, and left out; `minContains`/`maxContains` without `contains` constrain nothing
 * and are dropped.
 * @see https://spec.openapis.org/oas/v3.0.3.html#properties
 */
export const unexpressible: Step = (node, { pointer, ctx }) => {
  const { minContains: _min, maxContains: _max, ...rest } = node;
  const out: Record<string, Json> = "contains" in node ? { ...node } : rest;
  for (const keyword of Object.keys(UNEXPRESSIBLE)) {
    if (!(keyword in out)) continue;
    ctx.report(
      `${pointer}/${keyword}`,
      UNEXPRESSIBLE[keyword] as string,
      'rewrite it with what 3.0 has (allOf, anyOf, oneOf, not, items, additionalProperties), or turn the 3.0 document off: "targets": {"openapi30": false} in contracts.config.json',
    );
    delete out[keyword];
    if (keyword === "contains") {
      delete out["minContains"];
      delete out["maxContains"];
    }
  }
  return out;
};
