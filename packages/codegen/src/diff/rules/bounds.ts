import type { NumberNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";

/**
 * A lower bound (`minLength`, `minItems`, `minimum`): raised or added shrinks the set, lowered or
 * removed grows it. An upper bound is the mirror image.
 */
export function bound(
  keyword: string,
  direction: "lower" | "upper",
  before: number | undefined,
  after: number | undefined,
  pointer: string,
  ctx: DiffContext,
): Found[] {
  if (before === after) return [];
  const tighter = after !== undefined && (before === undefined || (direction === "lower" ? after > before : after < before));
  const change = before === undefined ? `${keyword} ${after} added` : after === undefined ? `${keyword} ${before} removed` : `${keyword} ${before} → ${after}`;
  return [found(ctx, { pointer, change, effect: tighter ? "narrowed" : "widened" })];
}

interface Limit {
  readonly value: number;
  readonly exclusive: boolean;
}

/**
 * The effective bound of a number node, `minimum` and `exclusiveMinimum` together (the tighter
 * wins). On integers an exclusive bound is the next integer inclusive, so `exclusiveMinimum: 0`
 * and `minimum: 1` are the same set and compare equal.
 */
export function numericLimit(node: NumberNode, direction: "lower" | "upper"): Limit | undefined {
  const inclusive = direction === "lower" ? node.minimum : node.maximum;
  const exclusive = direction === "lower" ? node.exclusiveMinimum : node.exclusiveMaximum;
  const limits: Limit[] = [];
  if (inclusive !== undefined) limits.push({ value: inclusive, exclusive: false });
  if (exclusive !== undefined) limits.push({ value: exclusive, exclusive: true });
  if (node.kind === "integer") {
    for (let i = 0; i < limits.length; i++) {
      const l = limits[i]!;
      const value =
        direction === "lower" ? (l.exclusive ? Math.floor(l.value) + 1 : Math.ceil(l.value)) : l.exclusive ? Math.ceil(l.value) - 1 : Math.floor(l.value);
      limits[i] = { value, exclusive: false };
    }
  }
  return limits.reduce<Limit | undefined>((best, l) => (best === undefined || isTighter(l, best, direction) ? l : best), undefined);
}

function isTighter(a: Limit, b: Limit, direction: "lower" | "upper"): boolean {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return direction === "lower" ? a.value > b.value : a.value < b.value;
}

/** `minimum`/`exclusiveMinimum` (or the maximums) judged as one bound. */
export function numericBound(direction: "lower" | "upper", before: NumberNode, after: NumberNode, ctx: DiffContext): Found[] {
  const a = numericLimit(before, direction);
  const b = numericLimit(after, direction);
  if (a?.value === b?.value && a?.exclusive === b?.exclusive) return [];
  const show = (l: Limit | undefined) =>
    l === undefined ? "none" : `${direction === "lower" ? (l.exclusive ? ">" : ">=") : l.exclusive ? "<" : "<="} ${l.value}`;
  const tighter = b !== undefined && (a === undefined || isTighter(b, a, direction));
  return [found(ctx, { pointer: after.pointer, change: `${direction} bound ${show(a)} → ${show(b)}`, effect: tighter ? "narrowed" : "widened" })];
}

/** `multipleOf`: a multiple of the old step shrinks the set, a divisor of it grows it. */
export function multipleOf(before: NumberNode, after: NumberNode, ctx: DiffContext): Found[] {
  const a = before.multipleOf;
  const b = after.multipleOf;
  if (a === b) return [];
  const pointer = after.pointer;
  if (a === undefined) return [found(ctx, { pointer, change: `multipleOf ${b} added`, effect: "narrowed" })];
  if (b === undefined) return [found(ctx, { pointer, change: `multipleOf ${a} removed`, effect: "widened" })];
  const change = `multipleOf ${a} → ${b}`;
  if (Number.isInteger(b / a)) return [found(ctx, { pointer, change, effect: "narrowed" })];
  if (Number.isInteger(a / b)) return [found(ctx, { pointer, change, effect: "widened" })];
  return [found(ctx, { pointer, change, effect: "incomparable", reason: `neither step divides the other: some values of each are refused by the other` })];
}
