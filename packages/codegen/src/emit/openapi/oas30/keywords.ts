import type { Json } from "../../../model/types.js";
import { sameJson, type Step } from "./context.js";

/**
 * Identification keywords, `$comment` and the content annotations have no 3.0 counterpart and
 * change no verdict; `$defs` entries are lifted to components/schemas; `x-docs` is the codegen's
 * own docs placement, not published (as in 3.1).
 */
const DROPPED: ReadonlySet<string> = new Set([
  "$schema",
  "$id",
  "$anchor",
  "$dynamicAnchor",
  "$vocabulary",
  "$defs",
  "$comment",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  "x-docs",
]);

export const dropUnsupported: Step = (node) => {
  if (!Object.keys(node).some((k) => DROPPED.has(k))) return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => !DROPPED.has(k)));
};

/**
 * 3.0 has a single `example`; the first of `examples` is kept (an annotation: no verdict changes).
 * @see https://spec.openapis.org/oas/v3.0.3.html#fixed-fields-19
 */
export const examplesToExample: Step = (node) => {
  const { examples, ...rest } = node;
  if (!Array.isArray(examples)) return node;
  return examples.length > 0 ? { ...rest, example: examples[0] as Json } : rest;
};

/**
 * 2020-12 exclusive bounds are numbers; 3.0 (draft 4 style) has booleans modifying
 * `minimum`/`maximum`. Where both bounds are given, the stricter one is kept, so the verdict is
 * the same for every number.
 * @see https://spec.openapis.org/oas/v3.0.3.html#properties
 */
export const exclusiveBounds: Step = (node) => {
  let out = node;
  for (const [exclusive, inclusive, stricter] of [
    ["exclusiveMinimum", "minimum", (e: number, m: number) => e >= m],
    ["exclusiveMaximum", "maximum", (e: number, m: number) => e <= m],
  ] as const) {
    const e = out[exclusive];
    if (typeof e !== "number") continue;
    const m = out[inclusive];
    const { [exclusive]: _, ...rest } = out;
    out = typeof m !== "number" || stricter(e, m) ? { ...rest, [inclusive]: e, [exclusive]: true } : rest;
  }
  return out;
};

/**
 * `const` is a one-value `enum` (intersected with an `enum` next to it: a const outside that enum
 * leaves no valid value, which 3.0 says as `not: {}`).
 */
export const constToEnum: Step = (node) => {
  if (!("const" in node)) return node;
  const { const: value, ...rest } = node;
  const values = rest["enum"];
  if (Array.isArray(values) && !values.some((v: Json) => sameJson(v, value as Json))) return rejectAll(rest);
  return { ...rest, enum: [value as Json] };
};

/** `node` accepting no value: its `enum` (which would need a value) replaced by `not: {}`. */
export function rejectAll(node: Record<string, Json>): Record<string, Json> {
  const { enum: _enum, ...rest } = node;
  if (!("not" in rest)) return { ...rest, not: {} };
  return { ...rest, allOf: [...((rest["allOf"] as Json[] | undefined) ?? []), { not: {} }] };
}

/** 3.0 `items` must be a Schema Object. */
export const itemsObject: Step = (node) => (node["items"] === true ? { ...node, items: {} } : node);
