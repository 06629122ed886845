// The two pieces the site adds to VitePress, on their own: the sidebar builder (given/want) and
// the markdown-it plugin, run in VitePress's own Markdown renderer.
import type { EntityPage, IndexPage } from "@contracts/docs";
import { createMarkdownRenderer } from "vitepress";
import { describe, expect, it } from "vitest";
import { frontmatterHeading, plainText } from "../.vitepress/frontmatter-heading.js";
import { buildSidebar, pageRoute } from "../.vitepress/sidebar.js";

const index: IndexPage = { path: "pages/index.md", title: "Entities", description: "Every entity, by group." };
const entity = (title: string, section: string, group: string, order: number): EntityPage =>
  ({ name: title, path: `pages/${title}.md`, title, description: `The \`${title}\` entity.`, section, group, order }) as EntityPage;

describe("buildSidebar", () => {
  it.each<[string, EntityPage[], unknown]>([
    ["no entities: the index alone", [], [{ text: "Entities", link: "/" }]],
    [
      "entities by order, ties by title, whatever the list's order",
      [
        entity("Zed", "Reference", "Types", 50),
        entity("Beta", "Reference", "Types", 50),
        entity("Alpha", "Reference", "Types", 90),
        entity("Omega", "Reference", "Types", 10),
      ],
      [
        { text: "Entities", link: "/" },
        {
          text: "Reference",
          items: [
            {
              text: "Types",
              items: [
                { text: "Omega", link: "/Omega" },
                { text: "Beta", link: "/Beta" },
                { text: "Zed", link: "/Zed" },
                { text: "Alpha", link: "/Alpha" },
              ],
            },
          ],
        },
      ],
    ],
    [
      "sections and groups in code-unit order (upper case before lower case), not by order",
      [entity("A", "reference", "types", 1), entity("B", "Reference", "types", 2), entity("C", "Reference", "Admin", 3)],
      [
        { text: "Entities", link: "/" },
        {
          text: "Reference",
          items: [
            { text: "Admin", items: [{ text: "C", link: "/C" }] },
            { text: "types", items: [{ text: "B", link: "/B" }] },
          ],
        },
        { text: "reference", items: [{ text: "types", items: [{ text: "A", link: "/A" }] }] },
      ],
    ],
  ])("%s", (_, pages, want) => {
    expect(buildSidebar(pages, index)).toEqual(want);
  });

  it("routes a page by its file under pages/", () => {
    expect(pageRoute({ path: "pages/index.md" })).toBe("/");
    expect(pageRoute({ path: "pages/ConnectorWithStatus.md" })).toBe("/ConnectorWithStatus");
  });
});

describe("frontmatterHeading", async () => {
  // VitePress's renderer as the site makes it, with its highlighter left out (not needed here).
  const md = await createMarkdownRenderer(process.cwd(), { highlight: (code) => code, config: (m) => m.use(frontmatterHeading) });
  const render = (source: string): string => md.render(source, {}).replace(/<a class="header-anchor"[^>]*>[^<]*<\/a>/g, "");

  it("makes the title the H1 and the description the paragraph under it, its code spans as code", () => {
    expect(render('---\ntitle: "ConnectorWithStatus"\ndescription: "The `ConnectorWithStatus` entity."\n---\n\n## Fields\n')).toBe(
      '<h1 id="connectorwithstatus" tabindex="-1">ConnectorWithStatus </h1><p class="contracts-description">The <code>ConnectorWithStatus</code> entity.</p><h2 id="fields" tabindex="-1">Fields </h2>\n',
    );
  });

  it("shows a title as written, not as Markdown", () => {
    expect(render('---\ntitle: "A_b_c *x*"\n---\n')).toContain(">A_b_c *x* </h1>");
  });

  it("adds only the heading when there is no description, and nothing without a title", () => {
    expect(render('---\ntitle: "X"\n---\n\ntext\n')).toBe('<h1 id="x" tabindex="-1">X </h1><p>text</p>\n');
    expect(render('---\ndescription: "d"\n---\n\ntext\n')).toBe("<p>text</p>\n");
  });

  it("leaves a page that has its own H1 as it is", () => {
    expect(render('---\ntitle: "X"\ndescription: "d"\n---\n\n# Own\n')).toBe('<h1 id="own" tabindex="-1">Own </h1>\n');
  });

  it("gives the plain text of a description for the meta description", () => {
    expect(plainText(md, "The `ConnectorWithStatus` entity.")).toBe("The ConnectorWithStatus entity.");
    expect(plainText(md, "A *team's* `space`,\nwith [links](./X.md).")).toBe("A team's space, with links.");
  });
});
