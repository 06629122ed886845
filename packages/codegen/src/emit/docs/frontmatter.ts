import type { Entity } from "../../model/types.js";
import { frontmatter } from "./markdown.js";

/** The index page's frontmatter values; also listed in the generated pages module. */
export const INDEX_TITLE = "Entities";
export const INDEX_DESCRIPTION = "Every entity, by group.";

/** The schema's `description`, or the spec page's default. */
export function entityDescription(entity: Entity): string {
  return entity.description ?? `The \`${entity.name}\` entity.`;
}

/** The frontmatter fields of an entity page, in the spec page's order. */
function entityFrontmatterFields(entity: Entity): readonly (readonly [string, string | number])[] {
  return [
    ["title", entity.name],
    ["description", entityDescription(entity)],
    ["section", entity.docs.section],
    ["group", entity.docs.group],
    ["order", entity.docs.order],
  ];
}

export function entityFrontmatter(entity: Entity): string {
  return frontmatter(entityFrontmatterFields(entity));
}

export function indexFrontmatter(): string {
  return frontmatter([
    ["title", INDEX_TITLE],
    ["description", INDEX_DESCRIPTION],
  ]);
}
