import { InternalError } from "../../errors.js";
import { entityOfFile, refsIn } from "../../model/walk.js";
import type { Entity, Model, TypeNode } from "../../model/types.js";
import { branchTables } from "./branches.js";
import { cellText, codeCell, heading, pageLink, table, tsBlock } from "./markdown.js";
import { entityDescription } from "./frontmatter.js";
import { toTypeName } from "../../schema/names.js";
import { printDeclaration } from "./declaration.js";
import { typeText } from "./declaration.js";

/**
 * What an entity page lists under "Definitions": a named type (with `home`, the entity whose file
 * declares it, when that is another entity), or another entity (linked).
 */
export type Listed =
  | { readonly kind: "definition"; readonly name: string; readonly type: TypeNode; readonly home?: Entity }
  | { readonly kind: "entity"; readonly entity: Entity };

/**
 * The entity's own `$defs` in declaration order, then every other target reached through `$ref`
 * (transitively, breadth-first from the root) in order of first reference. Another entity is listed
 * with a link to its page, not re-rendered; the entity itself (recursion) is not listed.
 */
export function listedDefinitions(entity: Entity, model: Model): Listed[] {
  const listed: Listed[] = [];
  const seen = new Set<string>([`${entity.file}#`]);
  const pending: TypeNode[] = [entity.root];
  for (const def of entity.definitions) {
    seen.add(`${entity.file}#${def.pointer}`);
    listed.push({ kind: "definition", name: def.name, type: def.type });
    pending.push(def.type);
  }
  for (let i = 0; i < pending.length; i++) {
    for (const ref of refsIn(pending[i] as TypeNode)) {
      const { file, pointer, name } = ref.target;
      const key = `${file}#${pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const owner = entityOfFile(model, file);
      if (!owner) throw new InternalError(`${entity.file}#${ref.pointer}: $ref ${ref.ref} targets ${file}, which is not in the model`);
      if (pointer === "") {
        listed.push({ kind: "entity", entity: owner });
        continue;
      }
      // Validation admits only a schema root or a `$defs` entry as a `$ref` target.
      const def = owner.definitions.find((d) => d.pointer === pointer);
      if (!def) throw new InternalError(`${entity.file}#${ref.pointer}: $ref ${ref.ref} targets ${file}#${pointer}, which is not a $defs entry`);
      listed.push({ kind: "definition", name, type: def.type, ...(owner === entity ? {} : { home: owner }) });
      pending.push(def.type);
    }
  }
  return listed;
}

/**
 * The "Definitions" blocks: one table row per listed definition, then, for each definition with
 * object branches, a `### Name` section with its declaration and fields table (one per branch of
 * a union, each under a `####` heading): a row cannot carry the notes of the fields. A definition another entity's file
 * declares is declared on that entity's page, as in every other artifact: here it has its row,
 * linked to that page. Not to its section there: heading anchors are the docs site's renderer's
 * to make (GitHub, VitePress and markdown-it-anchor slug `$`, `_` and repeated headings apart).
 */
export function definitionsBlocks(listed: readonly Listed[]): string[] {
  if (listed.length === 0) return [];
  const rows = listed.map((item) =>
    item.kind === "entity"
      ? [pageLink(item.entity.name), "see its page", cellText(entityDescription(item.entity).trim())]
      : [
          item.home ? pageLink(item.home.name, toTypeName(item.name)) : codeCell(toTypeName(item.name)),
          codeCell(typeText(item.type)),
          cellText(item.type.description?.trim() ?? ""),
        ],
  );
  const blocks = [heading(2, "Definitions"), table(["Definition", "Type", "Notes"], rows)];
  for (const item of listed) {
    if (item.kind !== "definition" || item.home) continue;
    // A section where a row cannot say it all: an object's fields, or each object branch's.
    const tables = branchTables(item.type, 4);
    if (tables.length > 0) blocks.push(heading(3, toTypeName(item.name)), tsBlock(printDeclaration(item.name, item.type)), ...tables);
  }
  return blocks;
}
