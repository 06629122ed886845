import { compareCodeUnits } from "../../errors.js";
import type { Entity, Model } from "../../model/types.js";
import { entityDescription, indexFrontmatter } from "./frontmatter.js";
import { cellText, heading, markdownBody, pageLink, table } from "./markdown.js";

/**
 * Entities grouped by `x-docs` group, groups in code-unit order of their names (stable whatever
 * the entities' `order` values); in a group, by `order`, then title (the entity name).
 */
export function indexGroups(model: Model): [group: string, entities: Entity[]][] {
  const groups = new Map<string, Entity[]>();
  for (const entity of model.entities) groups.set(entity.docs.group, [...(groups.get(entity.docs.group) ?? []), entity]);
  return [...groups]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([group, entities]) => [group, entities.sort((a, b) => a.docs.order - b.docs.order || compareCodeUnits(a.name, b.name))]);
}

/** `pages/index.md`: every entity with its description, linked, under one `## Group` per group. */
export function renderIndexPage(model: Model): string {
  const blocks = indexGroups(model).flatMap(([group, entities]) => [
    heading(2, group),
    table(
      ["Entity", "Description"],
      entities.map((e) => [pageLink(e.name), cellText(entityDescription(e).trim())]),
    ),
  ]);
  if (blocks.length === 0) blocks.push("No entities yet.");
  return `${indexFrontmatter()}\n${markdownBody(blocks)}`;
}
