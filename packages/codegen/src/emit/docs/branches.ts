import { constOf, discriminator } from "../../model/discriminator.js";
import type { ObjectNode, TypeNode } from "../../model/types.js";
import { fieldsTable } from "./fields.js";
import { heading } from "./markdown.js";
import { typeText } from "./declaration.js";

/**
 * The Fields blocks of a page: the entity's own table when it is an object (the spec page's
 * format, unchanged), one table per object branch of a union (each under a `###` heading naming
 * the branch), and nothing for an entity with no object branch (an enum, a string alias, an array
 * or tuple): its Definition block says everything. A branch that is a `$ref` has its fields on
 * its definition's section or page, so only branches written inline get a table here.
 */
export function fieldsBlocks(root: TypeNode): string[] {
  if (root.kind === "object") return [heading(2, "Fields"), root.properties.length > 0 ? fieldsTable(root) : "This entity declares no fields."];
  const tables = branchTables(root, 3);
  return tables.length === 0 ? [] : [heading(2, "Fields"), ...tables];
}

/**
 * The fields tables of a type's object branches: one table for an object, a heading of `level`
 * naming each branch before its table for a union, none without an object branch.
 */
export function branchTables(node: TypeNode, level: number): string[] {
  if (node.kind === "object") return node.properties.length > 0 ? [fieldsTable(node)] : [];
  const branches = objectBranches(node);
  const labels = branchLabels(branches);
  return branches.flatMap((b, i) => [heading(level, labels[i] as string), fieldsTable(b)]);
}

/** The inline objects with declared properties a value of `node` may be, in schema order (unions flattened). */
export function objectBranches(node: TypeNode): ObjectNode[] {
  if (node.kind === "object") return node.properties.length > 0 ? [node] : [];
  // The parts of an `allOf` (or of keywords side by side) are listed like branches: each
  // object part's fields hold at once.
  if (node.kind === "union" || node.kind === "intersection") return node.members.flatMap(objectBranches);
  return [];
}

/**
 * A heading per branch, from the schema: its `title`; else, when every branch has a property
 * whose `const` tells them apart (a discriminated union), that property and value
 * (`type: "text"`); else the branch's own type text, when short; else its place (`Branch 2`).
 */
function branchLabels(branches: readonly ObjectNode[]): string[] {
  const tag = discriminator(branches);
  return branches.map((b, i) => {
    if (b.title !== undefined) return b.title;
    if (tag !== undefined) return `${tag}: ${JSON.stringify(constOf(b, tag))}`;
    const text = typeText(b);
    return text.length <= 60 ? text : `Branch ${i + 1}`;
  });
}
