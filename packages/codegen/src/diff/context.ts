import type { DefinitionRef, TypeNode } from "../model/types.js";
import type { Finding, Side } from "./types.js";

/** A finding at the sides of the wire where its node is read or written. */
export type Found = Finding & { readonly sides: readonly Side[] };

/** What every rule receives: read-only; the sides narrow as the walk enters `readOnly` properties. */
export interface DiffContext {
  readonly sides: readonly Side[];
  /** The node a `$ref` names, in the old and in the new schemas. */
  readonly resolveOld: (ref: DefinitionRef) => TypeNode | undefined;
  readonly resolveNew: (ref: DefinitionRef) => TypeNode | undefined;
  /** Pairs of definitions being compared up the walk (recursive schemas stop here). */
  readonly visiting: ReadonlySet<string>;
  /** Compares two nodes (any kinds), the walk's single entry, for rules that hold subschemas. */
  readonly compare: (before: TypeNode, after: TypeNode, ctx: DiffContext) => Found[];
}

export function found(ctx: DiffContext, finding: Finding): Found {
  return { ...finding, sides: ctx.sides };
}
