import type { TypeNode } from "../model/types.js";
import type { DiffContext, Found } from "./context.js";
import { annotations } from "./rules/annotations.js";
import { arrayRules } from "./rules/array.js";
import { compositeRules, isCompositePair } from "./rules/composite.js";
import { members } from "./rules/members.js";
import { numberRules } from "./rules/number.js";
import { objectRules } from "./rules/object.js";
import { stringRules } from "./rules/string.js";

/**
 * The walk's single entry: two nodes of any kinds. Two refs to the same definition stop here (the
 * definition is compared once, on its own); two plain nodes of one kind go to that kind's rules;
 * anything else (unions, enums, a ref against an inline schema) is compared as sets of members.
 */
export function compareNodes(before: TypeNode, after: TypeNode, ctx: DiffContext): Found[] {
  const notes = annotations(before, after, ctx);
  if (before.kind === "ref" && after.kind === "ref") {
    if (before.target.name === after.target.name) return notes;
    const key = `${before.target.file}#${before.target.pointer}|${after.target.file}#${after.target.pointer}`;
    // A recursive definition renamed: the pair is already being compared further up.
    if (ctx.visiting.has(key)) return notes;
    const a = ctx.resolveOld(before.target);
    const b = ctx.resolveNew(after.target);
    if (a && b) return [...notes, ...compareNodes(a, b, { ...ctx, visiting: new Set([...ctx.visiting, key]) })];
  }
  return [...notes, ...sameKind(before, after, ctx)];
}

function sameKind(before: TypeNode, after: TypeNode, ctx: DiffContext): Found[] {
  if (isCompositePair(before, after) && !isUnion(before) && !isUnion(after)) return compositeRules(before, after, ctx);
  if (before.kind === "string" && after.kind === "string") return stringRules(before, after, ctx);
  if ((before.kind === "number" || before.kind === "integer") && (after.kind === "number" || after.kind === "integer")) return numberRules(before, after, ctx);
  if (before.kind === "array" && after.kind === "array") return arrayRules(before, after, ctx);
  if (before.kind === "object" && after.kind === "object") return objectRules(before, after, ctx);
  if (before.kind === after.kind && (before.kind === "boolean" || before.kind === "null" || before.kind === "unknown")) return [];
  return members(before, after, ctx);
}

/** Unions (and enums, refs to compare as sets) go to the members rules, which send composite members back here. */
function isUnion(node: TypeNode): boolean {
  return node.kind === "union" || node.kind === "enum" || node.kind === "const";
}
