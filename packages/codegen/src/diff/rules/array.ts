import type { ArrayNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";
import { bound } from "./bounds.js";

/** `uniqueItems: true` added shrinks the set (arrays with repeats are refused), removed grows it. */
export function uniqueItems(before: ArrayNode, after: ArrayNode, ctx: DiffContext): Found[] {
  const a = before.uniqueItems === true;
  const b = after.uniqueItems === true;
  if (a === b) return [];
  return [found(ctx, { pointer: after.pointer, change: `uniqueItems ${b ? "added" : "removed"}`, effect: b ? "narrowed" : "widened" })];
}

export function arrayRules(before: ArrayNode, after: ArrayNode, ctx: DiffContext): Found[] {
  return [
    ...ctx.compare(before.items, after.items, ctx),
    ...bound("minItems", "lower", before.minItems, after.minItems, after.pointer, ctx),
    ...bound("maxItems", "upper", before.maxItems, after.maxItems, after.pointer, ctx),
    ...uniqueItems(before, after, ctx),
  ];
}
