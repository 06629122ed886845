import type { NodeKind, TypeNode } from "./types.js";

/** The view node of kind `K` (`number` and `integer` share `NumberNode`). */
export type NodeOfKind<K extends NodeKind> = TypeNode extends infer N ? (N extends { readonly kind: infer NK } ? (K extends NK ? N : never) : never) : never;

/**
 * A per-target visitor of the view: one function per node kind. Typed over every `NodeKind`, so
 * a kind added to the model is a compile error in every emitter's visitor until it handles it
 * (or says, with `unsupported` from `emit/emitter.ts`, that it cannot yet).
 */
export type Visitor<R, C = undefined> = { readonly [K in NodeKind]: (node: NodeOfKind<K>, ctx: C) => R };

/** Dispatches `node` to its kind's function. */
export function visit<R, C>(node: TypeNode, visitor: Visitor<R, C>, ctx: C): R {
  return (visitor[node.kind] as (node: TypeNode, ctx: C) => R)(node, ctx);
}
