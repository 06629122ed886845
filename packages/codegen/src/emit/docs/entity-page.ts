import type { Entity, Model } from "../../model/types.js";
import { printDeclaration } from "./declaration.js";
import { definitionsBlocks, listedDefinitions } from "./definitions.js";
import { fieldsTable } from "./fields.js";
import { entityFrontmatter } from "./frontmatter.js";
import { heading, markdownBody, tsBlock } from "./markdown.js";

/**
 * `pages/<Name>.md`, in the format of shared/spec/ConnectorWithStatus.md: frontmatter, then
 * `## Definition` (the interface), `## Fields` (the table) and, when the entity has `$defs` or
 * refers to other definitions, `## Definitions`.
 */
export function renderEntityPage(entity: Entity, model: Model): string {
  const blocks = [heading(2, "Definition"), tsBlock(printDeclaration(entity.name, entity.root)), heading(2, "Fields")];
  blocks.push(entity.root.kind === "object" && entity.root.properties.length > 0 ? fieldsTable(entity.root) : "This entity declares no fields.");
  blocks.push(...definitionsBlocks(listedDefinitions(entity, model)));
  return `${entityFrontmatter(entity)}\n${markdownBody(blocks)}`;
}
