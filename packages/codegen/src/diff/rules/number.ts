import type { NumberNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";
import { multipleOf, numericBound } from "./bounds.js";

/** `integer` ↔ `number`: integers are a subset of numbers. */
export function integerOrNumber(before: NumberNode, after: NumberNode, ctx: DiffContext): Found[] {
  if (before.kind === after.kind) return [];
  return [found(ctx, { pointer: after.pointer, change: `type ${before.kind} → ${after.kind}`, effect: after.kind === "number" ? "widened" : "narrowed" })];
}

export function numberRules(before: NumberNode, after: NumberNode, ctx: DiffContext): Found[] {
  return [
    ...integerOrNumber(before, after, ctx),
    ...numericBound("lower", before, after, ctx),
    ...numericBound("upper", before, after, ctx),
    ...multipleOf(before, after, ctx),
  ];
}
