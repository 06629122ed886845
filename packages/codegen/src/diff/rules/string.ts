import type { StringNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";
import { bound } from "./bounds.js";

/**
 * `format`: adding one shrinks the set, removing one grows it. Two formats are not compared
 * (`uri` and `uri-reference` overlap without either holding the other), so a changed one is major.
 */
export function format(before: StringNode, after: StringNode, ctx: DiffContext): Found[] {
  const a = before.format;
  const b = after.format;
  if (a === b) return [];
  const pointer = after.pointer;
  if (a === undefined) return [found(ctx, { pointer, change: `format "${b}" added`, effect: "narrowed" })];
  if (b === undefined) return [found(ctx, { pointer, change: `format "${a}" removed`, effect: "widened" })];
  return [
    found(ctx, {
      pointer,
      change: `format "${a}" → "${b}"`,
      effect: "incomparable",
      reason: `formats "${a}" and "${b}" accept different strings; neither set is known to hold the other`,
    }),
  ];
}

/**
 * `pattern`: adding one shrinks the set and removing one grows it, exactly. Whether one regular
 * expression's language holds another's is not decided here (ECMAScript patterns with lookaround
 * and backreferences are beyond a decidable check): a changed pattern is major.
 */
export function pattern(before: StringNode, after: StringNode, ctx: DiffContext): Found[] {
  const a = before.pattern;
  const b = after.pattern;
  if (a === b) return [];
  const pointer = after.pointer;
  if (a === undefined) return [found(ctx, { pointer, change: `pattern ${b} added`, effect: "narrowed" })];
  if (b === undefined) return [found(ctx, { pointer, change: `pattern ${a} removed`, effect: "widened" })];
  return [
    found(ctx, {
      pointer,
      change: `pattern ${a} → ${b}`,
      effect: "incomparable",
      reason: "patterns cannot be compared exactly (whether one regular expression accepts all another does is not decided): treated as breaking both ways",
    }),
  ];
}

export function stringRules(before: StringNode, after: StringNode, ctx: DiffContext): Found[] {
  return [
    ...format(before, after, ctx),
    ...pattern(before, after, ctx),
    ...bound("minLength", "lower", before.minLength, after.minLength, after.pointer, ctx),
    ...bound("maxLength", "upper", before.maxLength, after.maxLength, after.pointer, ctx),
  ];
}
