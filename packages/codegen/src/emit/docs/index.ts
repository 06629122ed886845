import { SUPPORT } from "./support.js";
import { reserve, TYPESCRIPT_GLOBALS } from "../../schema/names.js";
import { defineEmitter } from "../emitter.js";
import { renderEntityPage } from "./entity-page.js";
import { renderIndexPage } from "./index-page.js";
import { checkPageNames } from "./page-names.js";
import { renderPagesModule } from "./pages-module.js";

export { renderEntityPage } from "./entity-page.js";
export { renderIndexPage } from "./index-page.js";
export { typeText } from "./declaration.js";

export const DOCS_PAGES_DIR = "packages/docs/pages";
export const DOCS_MODULE_DIR = "packages/docs/src/generated";
const INDEX_NAME = "index";

/**
 * Markdown reference pages for @contracts/docs: `pages/<Name>.md` per entity in the format of
 * shared/spec/ConnectorWithStatus.md, `pages/index.md`, and a typed module listing them.
 * Markdown carries no do-not-edit header (frontmatter must come first; .gitattributes marks it).
 */
export const docsEmitter = defineEmitter({
  name: "docs",
  targets: [{ name: "docs", support: SUPPORT }],
  outputRoots: [DOCS_PAGES_DIR, DOCS_MODULE_DIR],
  // prettier prints the Definition blocks; character widths decide the tables' padding;
  // is-es5-identifier-name which keys are quoted; oxfmt lays out pages.ts.
  libraries: ["prettier", "get-east-asian-width", "emoji-regex", "narrow-emojis", "is-es5-identifier-name", "oxfmt"],
  reservedNames: reserve("exported by @contracts/docs itself", ["EntityPage", "IndexPage"], TYPESCRIPT_GLOBALS),
  thread: "main",
  check(model) {
    checkPageNames(model, INDEX_NAME);
  },
  async entity(entity, model) {
    // A view (`XInput`, `XPatch`) is listed under its entity on the index page, with no page of its own.
    if (entity.view) return { files: new Map() };
    return { files: new Map([[`${DOCS_PAGES_DIR}/${entity.name}.md`, renderEntityPage(entity, model)]]) };
  },
  async aggregate(model) {
    const inPackage = (name: string) => `pages/${name}.md`;
    return new Map([
      [`${DOCS_PAGES_DIR}/${INDEX_NAME}.md`, renderIndexPage(model)],
      [`${DOCS_MODULE_DIR}/pages.ts`, await renderPagesModule(model, inPackage, inPackage(INDEX_NAME))],
    ]);
  },
});
