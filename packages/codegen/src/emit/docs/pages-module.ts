import type { Model } from "../../model/types.js";
import { doNotEditHeader } from "../emitter.js";
import { entityDescription, INDEX_DESCRIPTION, INDEX_TITLE } from "./frontmatter.js";
import { loadPrettier } from "../prettier.js";

/**
 * `src/generated/pages.ts` of @contracts/docs: every page with its frontmatter, typed, so the docs
 * site can build its navigation without parsing Markdown. Values are JSON literals (valid TS).
 */
export async function renderPagesModule(model: Model, pagePath: (name: string) => string, indexPath: string): Promise<string> {
  const pages = model.entities.map((e) => ({
    name: e.name,
    path: pagePath(e.name),
    title: e.name,
    description: entityDescription(e),
    section: e.docs.section,
    group: e.docs.group,
    order: e.docs.order,
  }));
  const names = model.entities.map((e) => JSON.stringify(e.name));
  const source = [
    doNotEditHeader(model.entities.map((e) => e.file)),
    "",
    "/** Name of an entity that has a reference page. */",
    `export type EntityName = ${names.length === 0 ? "never" : names.join(" | ")};`,
    "",
    "/** An entity's reference page and its frontmatter. */",
    "export interface EntityPage {",
    "  readonly name: EntityName;",
    "  /** Path inside the package: the page is `@contracts/docs/${path}`. */",
    "  readonly path: string;",
    "  readonly title: string;",
    "  readonly description: string;",
    "  readonly section: string;",
    "  readonly group: string;",
    "  readonly order: number;",
    "}",
    "",
    "/** The index page and its frontmatter. */",
    "export interface IndexPage {",
    "  readonly path: string;",
    "  readonly title: string;",
    "  readonly description: string;",
    "}",
    "",
    "/** Every entity page, by entity name (code-unit order). */",
    `export const entityPages: readonly EntityPage[] = ${JSON.stringify(pages)};`,
    "",
    `export const indexPage: IndexPage = ${JSON.stringify({ path: indexPath, title: INDEX_TITLE, description: INDEX_DESCRIPTION })};`,
    "",
  ].join("\n");
  return (await loadPrettier()).format(source, { parser: "typescript", printWidth: 100, endOfLine: "lf" });
}

