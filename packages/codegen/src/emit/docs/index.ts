import type { Emitter } from "../emitter.js";
import type { Model } from "../../model/types.js";
import { renderEntityPage } from "./entity-page.js";
import { renderIndexPage } from "./index-page.js";
import { checkPageNames } from "./page-names.js";
import { renderPagesModule } from "./pages-module.js";

export { renderEntityPage } from "./entity-page.js";
export { renderIndexPage } from "./index-page.js";
export { typeText } from "./type-text.js";

export const DOCS_PAGES_DIR = "packages/docs/pages";
export const DOCS_MODULE_DIR = "packages/docs/src/generated";
const INDEX_NAME = "index";

/**
 * Markdown reference pages for @contracts/docs: `pages/<Name>.md` per entity in the format of
 * shared/spec/ConnectorWithStatus.md, `pages/index.md`, and a typed module listing them.
 * Markdown carries no do-not-edit header (frontmatter must come first; .gitattributes marks it).
 */
export const docsEmitter: Emitter = {
  name: "docs",
  outputRoots: [DOCS_PAGES_DIR, DOCS_MODULE_DIR],
  async emit(model: Model) {
    checkPageNames(model, INDEX_NAME);
    const files = new Map<string, string>();
    for (const entity of model.entities) {
      files.set(`${DOCS_PAGES_DIR}/${entity.name}.md`, await renderEntityPage(entity, model));
    }
    files.set(`${DOCS_PAGES_DIR}/${INDEX_NAME}.md`, await renderIndexPage(model));
    const inPackage = (name: string) => `pages/${name}.md`;
    files.set(`${DOCS_MODULE_DIR}/pages.ts`, await renderPagesModule(model, inPackage, inPackage(INDEX_NAME)));
    return files;
  },
};
