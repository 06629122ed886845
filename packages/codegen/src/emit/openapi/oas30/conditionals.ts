import type { Json } from "../../../model/types.js";
import type { Step } from "./context.js";

/**
 * Conditionals 3.0 has no keyword for, rewritten into the `allOf`/`anyOf`/`not` it has, with the
 * same verdict for every value (only annotations, which 3.0 does not collect, differ):
 * - `if: A, then: B, else: C` → `anyOf: [{allOf: [A, B]}, {allOf: [{not: A}, C]}]`
 *   (`if A then B` alone → `anyOf: [{not: A}, B]`; `if A else C` alone → `anyOf: [A, C]`);
 * - `dependentRequired: {a: [b]}` → `anyOf: [{not: {type: object, required: [a]}}, {required: [b]}]`;
 * - `dependentSchemas: {a: S}` → `anyOf: [{not: {type: object, required: [a]}}, S]`.
 * The `type: object` keeps non-objects valid, as the dependent keywords ignore them.
 * Each becomes one more `allOf` entry, beside any the node has (a lone one, on a node without
 * `anyOf`, is the node's `anyOf`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2
 */
export const conditionals: Step = (node) => {
  const { if: condition, then: consequence, else: alternative, dependentRequired, dependentSchemas, ...rest } = node;
  const extra: Json[] = [];
  if (condition !== undefined && (consequence !== undefined || alternative !== undefined)) {
    if (consequence !== undefined && alternative !== undefined) {
      extra.push({ anyOf: [{ allOf: [condition, consequence] }, { allOf: [{ not: condition }, alternative] }] });
    } else if (consequence !== undefined) extra.push({ anyOf: [{ not: condition }, consequence] });
    else extra.push({ anyOf: [condition, alternative as Json] });
  }
  const present = (name: string): Json => ({ not: { type: "object", required: [name] } });
  for (const [name, names] of Object.entries((dependentRequired ?? {}) as Record<string, readonly string[]>)) {
    if (names.length > 0) extra.push({ anyOf: [present(name), { required: names }] });
  }
  for (const [name, schema] of Object.entries((dependentSchemas ?? {}) as Record<string, Json>)) extra.push({ anyOf: [present(name), schema] });
  if (extra.length === 0) return rest;
  // One rewrite on a node with no union of its own reads best as that union itself.
  const only = extra[0] as Record<string, Json>;
  if (extra.length === 1 && !("anyOf" in rest) && !("allOf" in rest)) return { ...rest, ...only };
  return { ...rest, allOf: [...((rest["allOf"] as Json[] | undefined) ?? []), ...extra] };
};
