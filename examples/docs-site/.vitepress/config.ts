import { fileURLToPath } from "node:url";
import path from "node:path";
import { entityPages, indexPage, pageUrl } from "@contracts/docs";
import { createMarkdownRenderer, defineConfig } from "vitepress";
import { frontmatterHeading, plainText } from "./frontmatter-heading.js";
import { buildSidebar } from "./sidebar.js";

// The site's source directory is the `pages/` folder of @contracts/docs as the package publishes
// it (resolved through its exports, so a copy from the registry works the same): the pages are
// rendered as generated, never copied or edited. Everything the site adds is here and in the
// markdown-it plugin.
const srcDir = path.dirname(fileURLToPath(pageUrl(indexPage)));

export default defineConfig({
  title: "contracts",
  description: "Reference pages of every contract entity.",
  srcDir,
  // Vite writes nothing into srcDir; keep its cache with the site, not in the package.
  cacheDir: fileURLToPath(new URL("./cache", import.meta.url)),
  lang: "en-US",
  // A link to a page that does not exist fails the build (VitePress's default, stated).
  ignoreDeadLinks: false,
  markdown: {
    config: (md) => {
      md.use(frontmatterHeading);
    },
  },
  // <meta name="description"> holds plain text: the description without its Markdown.
  async transformPageData(pageData, { siteConfig }) {
    if (!pageData.description) return;
    // The site's own renderer (VitePress makes one per process and returns it here).
    const md = await createMarkdownRenderer(siteConfig.srcDir, siteConfig.markdown, siteConfig.site.base, siteConfig.logger);
    return { description: plainText(md, pageData.description) };
  },
  themeConfig: {
    sidebar: buildSidebar(entityPages, indexPage),
    outline: { level: [2, 3] },
    docFooter: { prev: false, next: false },
  },
});
