import type { Entity, Model } from "../../model/types.js";
import { printDeclaration } from "./declaration.js";
import { definitionsBlocks, listedDefinitions } from "./definitions.js";
import { fieldsBlocks } from "./branches.js";
import { entityFrontmatter } from "./frontmatter.js";
import { heading, markdownBody, tsBlock } from "./markdown.js";

/**
 * `pages/<Name>.md`, in the format of shared/spec/ConnectorWithStatus.md: frontmatter, then
 * `## Definition` (the interface, or the type alias of an entity that is not an object),
 * `## Fields` (the table; one per object branch of a union; none without an object) and, when
 * the entity has `$defs` or refers to other definitions, `## Definitions`.
 */
export function renderEntityPage(entity: Entity, model: Model): string {
  const blocks = [heading(2, "Definition"), tsBlock(printDeclaration(entity.name, entity.root)), ...fieldsBlocks(entity.root)];
  blocks.push(...definitionsBlocks(listedDefinitions(entity, model)));
  return `${entityFrontmatter(entity)}\n${markdownBody(blocks)}`;
}
