import type { Json } from "../../model/types.js";

/**
 * `prefixItems` (with `items` as the rest) in json2ts's draft-4 tuple input (`items` array plus
 * `additionalItems`). A prefix does not make its items required: `[A, B]` also accepts `[]` and
 * `[a]` unless `minItems` says otherwise. json2ts prints every tuple item as required (and has no
 * optional items), so the shorter lengths are spelled as a union of exact tuples:
 * `prefixItems: [A, B]` → `[] | [A] | [A, B, ...unknown[]]`; with `minItems: 2` and `items: false`
 * → `[A, B]`. `maxItems` below the prefix length cuts the union short; below `minItems`, no array is valid.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.1
 */
export function tupleSchema(schema: { readonly [k: string]: Json }): Record<string, Json> {
  const prefix = schema["prefixItems"] as readonly Json[];
  const rest = schema["items"] ?? true;
  const min = typeof schema["minItems"] === "number" ? Math.min(schema["minItems"], prefix.length) : 0;
  const max = typeof schema["maxItems"] === "number" ? schema["maxItems"] : Infinity;
  const exact = (length: number): Record<string, Json> => ({ type: "array", items: prefix.slice(0, length), additionalItems: false });
  const members: Json[] = [];
  for (let length = min; length < prefix.length && length <= max; length++) members.push(exact(length));
  if (max >= prefix.length)
    members.push(rest === false || max === prefix.length ? exact(prefix.length) : { type: "array", items: prefix, additionalItems: rest });
  // `minItems`/`maxItems` stay for the JSDoc note; `type` goes, since json2ts would intersect
  // `unknown[]` with the union.
  const { prefixItems: _prefix, items: _items, type: _type, ...others } = schema;
  if (members.length === 0) return { ...others, tsType: "never" };
  return members.length === 1 ? { ...others, ...(members[0] as Record<string, Json>) } : { ...others, anyOf: members };
}
