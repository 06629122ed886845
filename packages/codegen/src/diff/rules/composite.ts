import type { ConditionalNode, NotNode, TypeNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";
import type { Effect } from "../types.js";

/*
 * Nodes that combine subschemas rather than accept one kind of value: an intersection (`allOf`,
 * keywords side by side), `not`, and `if`/`then`/`else`. A change inside one moves the whole set
 * in a direction the combinator decides: the parts of an intersection and the branches of a
 * conditional pass their direction through, `not` turns it round, and which values take which
 * branch (a change in `if`) has no direction at all.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2 (applicators in place)
 */

const isComposite = (node: TypeNode): boolean => node.kind === "intersection" || node.kind === "not" || node.kind === "conditional";

/** Whether the pair is this module's: an intersection on either side, or `not`/`if` on both or one. */
export function isCompositePair(before: TypeNode, after: TypeNode): boolean {
  return isComposite(before) || isComposite(after);
}

/** The changes between two nodes of which at least one combines subschemas. */
export function compositeRules(before: TypeNode, after: TypeNode, ctx: DiffContext): Found[] {
  if (before.kind === "intersection" || after.kind === "intersection") return intersection(parts(before), parts(after), after.pointer, ctx);
  if (before.kind === "not" && after.kind === "not") return negated(before, after, ctx);
  if (before.kind === "conditional" && after.kind === "conditional") return conditional(before, after, ctx);
  const was = describe(before);
  const now = describe(after);
  return [
    found(ctx, {
      pointer: after.pointer,
      change: `${was} → ${now}`,
      effect: "breaking",
      reason: `the sets of values accepted by ${was} and by ${now} are not compared (conservatively breaking)`,
    }),
  ];
}

function describe(node: TypeNode): string {
  if (node.kind === "not") return '"not"';
  if (node.kind === "conditional") return '"if"/"then"/"else"';
  return node.kind === "ref" ? node.target.name : `a ${node.kind} schema`;
}

/** An intersection's parts; any other node is the intersection of itself alone. */
function parts(node: TypeNode): readonly TypeNode[] {
  return node.kind === "intersection" ? node.members : [node];
}

/**
 * A value must satisfy every part, so a part added narrows the set (an `allOf` part adding a
 * required property: breaking for writers), a part removed widens it, and a changed part moves the
 * whole as it moves. Parts are paired where equal (a reordered `allOf`), then by kind in order.
 */
function intersection(a: readonly TypeNode[], b: readonly TypeNode[], pointer: string, ctx: DiffContext): Found[] {
  const restA = [...a];
  const restB = [...b];
  const out: Found[] = [];
  const take = (match: (x: TypeNode, y: TypeNode) => boolean) => {
    // A copy: matched parts leave restA as the loop goes.
    for (const x of restA.slice()) {
      const i = restB.findIndex((y) => match(x, y));
      if (i < 0) continue;
      out.push(...ctx.compare(x, restB[i]!, ctx));
      restA.splice(restA.indexOf(x), 1);
      restB.splice(i, 1);
    }
  };
  take((x, y) => ctx.compare(x, y, ctx).every((f) => f.effect === "annotation"));
  take((x, y) => x.kind === y.kind && (x.kind !== "ref" || (y.kind === "ref" && x.target.name === y.target.name)));
  for (const x of restA) if (!trivial(x)) out.push(found(ctx, { pointer: x.pointer || pointer, change: `${partName(x)} removed`, effect: "widened" }));
  for (const y of restB) if (!trivial(y)) out.push(found(ctx, { pointer: y.pointer || pointer, change: `${partName(y)} added`, effect: "narrowed" }));
  return out;
}

/** A part that accepts every value (`{}`): adding or removing it changes nothing. */
function trivial(node: TypeNode): boolean {
  return node.kind === "unknown";
}

/** A part as written: an `allOf` entry, a `$ref`, `not` or `if` beside other keywords, or those keywords. */
function partName(node: TypeNode): string {
  if (/\/allOf\/\d+$/.test(node.pointer)) return "allOf part";
  if (node.kind === "ref") return `$ref to ${node.target.name}`;
  if (node.kind === "not") return '"not"';
  if (node.kind === "conditional") return '"if"/"then"/"else"';
  return "constraint beside the others";
}

const FLIP: Partial<Record<Effect, Effect>> = { widened: "narrowed", narrowed: "widened", additive: "narrowed" };

/** `not`: a value is accepted when the subschema rejects it, so every change inside turns round. */
function negated(before: NotNode, after: NotNode, ctx: DiffContext): Found[] {
  return ctx.compare(before.not, after.not, ctx).map((f) => {
    const effect = FLIP[f.effect] ?? f.effect;
    return effect === f.effect
      ? f
      : {
          ...f,
          change: `${f.change} (inside "not")`,
          effect,
          ...(f.effect === "additive" ? { reason: 'the subschema of "not" accepts more, so fewer values pass' } : {}),
        };
  });
}

/**
 * `if`/`then`/`else`: a change in `then` or `else` moves the values of its branch as it moves
 * (a branch added narrows, removed widens); a change in `if` moves values from one branch to the
 * other, which no direction describes: reported as breaking.
 */
function conditional(before: ConditionalNode, after: ConditionalNode, ctx: DiffContext): Found[] {
  const out: Found[] = ctx.compare(before.if, after.if, ctx).map((f) =>
    f.effect === "annotation"
      ? f
      : {
          ...f,
          change: `${f.change} (inside "if")`,
          effect: "breaking",
          reason: 'which values "then" and which "else" applies to changed: no direction describes it (conservatively breaking)',
        },
  );
  for (const branch of ["then", "else"] as const) {
    const [x, y] = [before[branch], after[branch]];
    if (x && y) out.push(...ctx.compare(x, y, ctx));
    else if (y && !trivial(y)) out.push(found(ctx, { pointer: y.pointer, change: `"${branch}" added`, effect: "narrowed" }));
    else if (x && !trivial(x)) out.push(found(ctx, { pointer: after.pointer, change: `"${branch}" removed`, effect: "widened" }));
  }
  return out;
}
