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
  for (const entity of model.entities) if (!entity.view) groups.set(entity.docs.group, [...(groups.get(entity.docs.group) ?? []), entity]);
  return [...groups]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([group, entities]) => [group, entities.sort((a, b) => a.docs.order - b.docs.order || compareCodeUnits(a.name, b.name))]);
}

const VIEW_TEXT: Readonly<Record<NonNullable<Entity["view"]>["kind"], string>> = {
  input: "the body that creates or replaces one: readOnly properties are not sent",
  patch: "a JSON Merge Patch (RFC 7396) of one: any writable properties, at least one",
};

/**
 * `pages/index.md`: every entity with its description, linked, under one `## Group` per group;
 * an entity's views (`XInput`, `XPatch`) right under it, on its page (they have none of their own).
 */
export function renderIndexPage(model: Model): string {
  const viewsOf = (entity: Entity) => model.entities.filter((e) => e.view?.of === entity.name);
  const blocks = indexGroups(model).flatMap(([group, entities]) => [
    heading(2, group),
    table(
      ["Entity", "Description"],
      entities.flatMap((e) => [
        [pageLink(e.name), cellText(entityDescription(e).trim())],
        ...viewsOf(e).map((v) => [`\`${v.name}\``, cellText(`View of ${e.name}: ${VIEW_TEXT[v.view?.kind ?? "input"]}.`)]),
      ]),
    ),
  ]);
  if (blocks.length === 0) blocks.push("No entities yet.");
  return `${indexFrontmatter()}\n${markdownBody(blocks)}`;
}
