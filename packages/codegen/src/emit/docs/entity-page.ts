import type { Entity, Model } from "../../model/types.js";
import { definitionsBlocks, listedDefinitions } from "./definitions.js";
import { fieldsTable } from "./fields.js";
import { entityFrontmatter } from "./frontmatter.js";
import { markdownBody, tsBlock } from "./markdown.js";
import { declaration } from "./type-text.js";

/**
 * `pages/<Name>.md`, in the format of shared/spec/ConnectorWithStatus.md: frontmatter, then
 * `## Definition` (the interface), `## Fields` (the table) and, when the entity has `$defs` or
 * refers to other definitions, `## Definitions`.
 */
export async function renderEntityPage(entity: Entity, model: Model): Promise<string> {
  const blocks = ["## Definition", await tsBlock(declaration(entity.name, entity.root)), "## Fields"];
  blocks.push(entity.root.properties.length > 0 ? fieldsTable(entity.root) : "This entity declares no fields.");
  blocks.push(...(await definitionsBlocks(listedDefinitions(entity, model))));
  // The frontmatter stays out of prettier so its quoting stays exactly the spec page's.
  return `${entityFrontmatter(entity)}\n${await markdownBody(blocks)}`;
}
