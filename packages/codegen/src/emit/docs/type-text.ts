import type { TypeNode } from "../../model/types.js";
import { toTypeName } from "../../schema/names.js";
import { objectMembers, printTs, tsOf } from "./syntax.js";

/**
 * The one-line TypeScript type of a node, as the Fields and Definitions tables show it: the
 * inline layout of the same syntax the Definition blocks print (syntax.ts).
 */
export function typeText(node: TypeNode): string {
  return printTs(tsOf(node), "inline");
}

/**
 * `interface X {…}` for objects with properties, `type X = …;` for everything else, unformatted:
 * the text prettier formats in the docs-layout tests (the oracle `printDeclaration`'s layout is
 * checked against); the pages themselves are printed by `printDeclaration`.
 */
export function declaration(name: string, node: TypeNode): string {
  const id = toTypeName(name);
  if (node.kind === "object" && node.properties.length > 0)
    return `interface ${id} ${printTs({ kind: "object", members: objectMembers(node), expanded: true }, "block")}\n`;
  return `type ${id} = ${printTs(tsOf(node), "block")};\n`;
}
