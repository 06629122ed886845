import type { EntityPage, IndexPage } from "@contracts/docs";
import type { DefaultTheme } from "vitepress";

/** Code-unit order, as the docs emitter sorts (never `localeCompare`, whose order moves with the locale). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The route of a page of `@contracts/docs` on the site, whose source directory is the package's
 * `pages/`: `pages/ConnectorWithStatus.md` is `/ConnectorWithStatus`, `pages/index.md` is `/`.
 */
export function pageRoute(page: { readonly path: string }): string {
  const inPages = page.path.replace(/^pages\//, "").replace(/\.md$/, "");
  return inPages === "index" ? "/" : `/${inPages}`;
}

/**
 * The sidebar, from the typed page list of `@contracts/docs` (the pages' frontmatter): the index
 * first, then one item per `section`, holding one per `group`, holding the group's entities by
 * `order`, then title. Sections and groups are in code-unit order of their names, the order the
 * index page lists groups in, so sidebar and index agree.
 */
export function buildSidebar(pages: readonly EntityPage[], index: IndexPage): DefaultTheme.SidebarItem[] {
  const sections = new Map<string, Map<string, EntityPage[]>>();
  for (const page of pages) {
    const groups = sections.get(page.section) ?? new Map<string, EntityPage[]>();
    groups.set(page.group, [...(groups.get(page.group) ?? []), page]);
    sections.set(page.section, groups);
  }
  return [
    { text: index.title, link: pageRoute(index) },
    ...[...sections]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([section, groups]) => ({
        text: section,
        items: [...groups]
          .sort(([a], [b]) => byCodeUnits(a, b))
          .map(([group, entities]) => ({
            text: group,
            items: [...entities]
              .sort((a, b) => a.order - b.order || byCodeUnits(a.title, b.title))
              .map((page) => ({ text: page.title, link: pageRoute(page) })),
          })),
      })),
  ];
}
