// The docs site in a real browser: VitePress builds it from @contracts/docs as published, a
// loopback server serves the built folder, and Debian's Chromium (driven by playwright-core) reads
// every page as a reader would. The expected entities, fields and sidebar order come from the
// schemas, not from the site or the docs package. A second site is built from a temporary copy of
// the project holding three entities, so order, groups, sections and a link between entity pages
// are seen with more than one entity.
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { entityPages, indexPage, pageUrl } from "@contracts/docs";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, chromiumPath, hasChromium, launchChromium, screenshotPage, serveSite, siteRoot, viewport } from "../scripts/site.mjs";
import { copyProject, runIn } from "../../../scripts/project-copy.mjs";

const REPO_ROOT = path.resolve(siteRoot, "../..");
const OUTPUT = path.join(siteRoot, "test-output");

const chromiumFound = hasChromium();
if (!chromiumFound) {
  // .ci/run installs Chromium (scripts/install-chromium.sh): in CI a missing browser is a failure,
  // not a skip, or CI would pass without the browser test.
  if (process.env["CI"]) throw new Error(`no Chromium at ${chromiumPath}: .ci/run installs it with scripts/install-chromium.sh`);
  console.warn(`docs-site: the browser test is SKIPPED: no Chromium at ${chromiumPath}; run scripts/install-chromium.sh to install it`);
}

/** An entity as its schema declares it: the oracle for its page. */
interface SchemaEntity {
  title: string;
  description: string;
  section: string;
  group: string;
  order: number;
  fields: string[];
}

/** Every entity of a project, read from its `schemas/` with the documented `x-docs` defaults. */
function schemaEntities(projectRoot: string): SchemaEntity[] {
  const dir = path.join(projectRoot, "schemas");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".schema.json"))
    .map((file) => {
      const schema = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
        title: string;
        description?: string;
        properties?: Record<string, unknown>;
        "x-docs"?: { section?: string; group?: string; order?: number };
      };
      const docs = schema["x-docs"] ?? {};
      return {
        title: schema.title,
        description: schema.description ?? `The \`${schema.title}\` entity.`,
        section: docs.section ?? "Reference",
        group: docs.group ?? "Types",
        order: docs.order ?? 100,
        fields: Object.keys(schema.properties ?? {}),
      };
    });
}

const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The sidebar a reader should see, as `sidebarOutline` prints it. */
function expectedSidebar(entities: readonly SchemaEntity[]): string[] {
  const lines = ["  Entities -> /"];
  for (const section of [...new Set(entities.map((e) => e.section))].sort(codeUnits)) {
    lines.push(section);
    const inSection = entities.filter((e) => e.section === section);
    for (const group of [...new Set(inSection.map((e) => e.group))].sort(codeUnits)) {
      lines.push(`  ${group}`);
      for (const e of inSection.filter((x) => x.group === group).sort((a, b) => a.order - b.order || codeUnits(a.title, b.title)))
        lines.push(`    ${e.title} -> /${e.title}.html`);
    }
  }
  return lines;
}

/** What a reader sees of inline Markdown: code spans without their backticks. */
const plain = (markdown: string): string => markdown.replace(/`([^`]*)`/g, "$1");
const codeSpans = (markdown: string): string[] => [...markdown.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
/** A heading's text without the anchor VitePress appends (a zero-width space). */
const headingText = (text: string | null): string => (text ?? "").replace(/\u200b/g, "").trim();

/** The sidebar, one line per item: indented by its level, `-> href` for a link. */
function sidebarOutline(page: Page): Promise<string[]> {
  return page.$$eval("#VPSidebarNav .VPSidebarItem", (items) =>
    items.flatMap((item) => {
      const text = item.querySelector(":scope > .item .text")?.textContent?.trim();
      if (!text) return [];
      const level = Number(/level-(\d+)/.exec(item.className)?.[1] ?? 0);
      const href = item.querySelector(":scope > .item a")?.getAttribute("href");
      return [`${"  ".repeat(level)}${text}${href ? ` -> ${href}` : ""}`];
    }),
  );
}

/**
 * The page's H1 becomes `title`. After a click VitePress's router changes the URL first and renders
 * the new page after it, so the heading is awaited, not read once.
 */
async function expectHeading(page: Page, title: string): Promise<void> {
  await expect.poll(async () => headingText(await page.locator(".vp-doc h1").textContent()), { timeout: 15_000 }).toBe(title);
}

/** Opens a page of the site and fails unless the server answered 200. */
async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
}

/** Everything a reader needs on an entity's page, as the schema says it should be. */
async function checkEntityPage(page: Page, siteUrl: string, entity: SchemaEntity, sidebar: string[]): Promise<void> {
  await open(page, new URL(`${entity.title}.html`, siteUrl).href);
  const content = page.locator(".vp-doc");

  // The frontmatter title is the page's one heading, and the document's title.
  const h1 = content.locator("h1");
  expect(await h1.count()).toBe(1);
  expect(headingText(await h1.textContent())).toBe(entity.title);
  expect(await page.title()).toBe(`${entity.title} | contracts`);

  // The description renders its code spans as code; the meta description is its plain text.
  const lead = content.locator("p.contracts-description");
  expect(await lead.textContent()).toBe(plain(entity.description));
  expect(await lead.locator("code").allTextContents()).toEqual(codeSpans(entity.description));
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe(plain(entity.description));

  // Definition: the interface, declaring every field.
  const definition = (await content.locator("h2#definition + div[class*='language-ts'] pre code").textContent()) ?? "";
  expect(definition.split("\n")[0]).toBe(`interface ${entity.title} {`);
  const declared = definition
    .split("\n")
    .flatMap((line) => /^ {2}([A-Za-z_$][\w$]*|"[^"]*")\??: /.exec(line)?.[1] ?? [])
    .map((name) => (name.startsWith('"') ? (JSON.parse(name) as string) : name));
  expect(declared).toEqual(entity.fields);

  // Fields: Field | Type | Notes, one row per field in schema order.
  const table = content.locator("h2#fields + table");
  expect((await table.locator("thead th").allTextContents()).map((t) => t.trim())).toEqual(["Field", "Type", "Notes"]);
  expect((await table.locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim())).toEqual(entity.fields);

  expect(await sidebarOutline(page)).toEqual(sidebar);
}

/** The index: one table per group (code-unit order), entities by order then title, each linked. */
async function indexTables(page: Page, siteUrl: string): Promise<[group: string, entities: string[]][]> {
  await open(page, siteUrl);
  expect(headingText(await page.locator(".vp-doc h1").textContent())).toBe(indexPage.title);
  return page.$$eval(".vp-doc h2", (headings) =>
    headings.map((h2) => {
      const table = h2.nextElementSibling;
      const links = [...(table?.querySelectorAll("tbody tr td:first-child a") ?? [])];
      return [
        (h2.textContent ?? "").replace(/\u200b/g, "").trim(),
        links.map((a) => `${a.textContent?.trim()} -> ${new URL(a.getAttribute("href") ?? "", document.baseURI).pathname}`),
      ] as [string, string[]];
    }),
  );
}

/**
 * Follows every link from the home page, page by page, and returns those that are broken: a page
 * or file the server does not answer 200 for, or a `#fragment` with no element of that id on the
 * page it names. Also returns the pages it read, and what the pages reported as errors (a script
 * error, a failed load, Vue's hydration mismatch), but for the favicon the site has none of.
 */
async function crawl(page: Page, siteUrl: string): Promise<{ pages: string[]; broken: string[]; errors: string[] }> {
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(`${page.url()}: ${message.text()}`);
  };
  const onError = (error: Error): void => void errors.push(`${page.url()}: ${error.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    return { ...(await followLinks(page, siteUrl)), errors };
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
}

async function followLinks(page: Page, siteUrl: string): Promise<{ pages: string[]; broken: string[] }> {
  const origin = new URL(siteUrl).origin;
  const pages = new Set<string>();
  const queue = [new URL(siteUrl).href];
  const fragments = new Map<string, Set<string>>(); // page -> ids linked to it
  const broken: string[] = [];
  const files = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    pages.add(url);
    const response = await page.goto(url, { waitUntil: "load" });
    if (response?.status() !== 200) {
      broken.push(`${url} (${response?.status()})`);
      continue;
    }
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const target = new URL(href);
      // The site links nowhere else; a link out could not be followed here (no network) anyway.
      if (target.origin !== origin) {
        broken.push(`${href} (not on the site, linked from ${url})`);
        continue;
      }
      const hash = decodeURIComponent(target.hash.slice(1));
      target.hash = "";
      if (hash) fragments.set(target.href, (fragments.get(target.href) ?? new Set()).add(hash));
      if (target.pathname.endsWith("/") || target.pathname.endsWith(".html")) queue.push(target.href);
      else files.add(target.href);
    }
  }
  for (const file of files) {
    const status = (await page.request.get(file)).status();
    if (status !== 200) broken.push(`${file} (${status})`);
  }
  for (const [url, ids] of fragments) {
    if (!pages.has(url)) continue;
    await page.goto(url, { waitUntil: "load" });
    for (const id of ids) if ((await page.locator(`[id="${id.replace(/"/g, '\\"')}"]`).count()) === 0) broken.push(`${url}#${id}`);
  }
  return { pages: [...pages].map((p) => new URL(p).pathname).sort(), broken };
}

describe.skipIf(!chromiumFound)("the docs site in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("built from this repository's @contracts/docs", () => {
    const outDir = path.join(OUTPUT, "site");
    const entities = schemaEntities(REPO_ROOT);
    let site: Awaited<ReturnType<typeof serveSite>>;
    let pagesBefore: Map<string, Buffer>;

    beforeAll(async () => {
      pagesBefore = new Map([...entityPages, indexPage].map((p) => [p.path, readFileSync(pageUrl(p))]));
      await buildSite({ outDir });
      site = await serveSite(outDir);
      page = await browser.newPage({ viewport });
    });
    afterAll(async () => {
      await page?.close();
      await site?.close();
    });

    it("renders the pages as published, without changing them", async () => {
      // A verbatim copy of the docs team's spec page (packages/docs/test/fixtures).
      const spec = await readFile(path.join(REPO_ROOT, "packages/docs/test/fixtures/ConnectorWithStatus.md"));
      expect(readFileSync(pageUrl(entityPages.find((p) => p.name === "ConnectorWithStatus")!)).equals(spec)).toBe(true);
      for (const [file, bytes] of pagesBefore) expect(readFileSync(pageUrl({ path: file })).equals(bytes), file).toBe(true);
      expect(entityPages.map((p) => p.title).sort()).toEqual(entities.map((e) => e.title).sort());
    });

    it("shows each entity's page: title heading, description, Definition, every field, the sidebar in order", async () => {
      for (const entity of entities) await checkEntityPage(page, site.url, entity, expectedSidebar(entities));
    });

    it("lists every entity on the index, and its link opens the page", async () => {
      const groups = [...new Set(entities.map((e) => e.group))].sort(codeUnits);
      expect(await indexTables(page, site.url)).toEqual(
        groups.map((group) => [
          group,
          entities
            .filter((e) => e.group === group)
            .sort((a, b) => a.order - b.order || codeUnits(a.title, b.title))
            .map((e) => `${e.title} -> /${e.title}.html`),
        ]),
      );
      // Client-side navigation, as a reader clicks: the router finds the page.
      await page.locator(".vp-doc table a", { hasText: "ConnectorWithStatus" }).click();
      await page.waitForURL(/\/ConnectorWithStatus\.html$/);
      await expectHeading(page, "ConnectorWithStatus");
    });

    it("has no broken link on any page", async () => {
      const { pages, broken, errors } = await crawl(page, site.url);
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
      expect(pages).toEqual(["/", ...entities.map((e) => `/${e.title}.html`).sort()]);
    });

    it("writes a screenshot of the ConnectorWithStatus page to test-output/", async () => {
      const file = path.join(OUTPUT, "ConnectorWithStatus.png");
      await rm(file, { force: true });
      await screenshotPage(browser, new URL("ConnectorWithStatus.html", site.url).href, file);
      const png = await readFile(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(viewport.width); // IHDR width
    });
  });

  describe("built from a copy of the project with three entities", () => {
    const outDir = path.join(OUTPUT, "site-three-entities");
    let project: string;
    let site: Awaited<ReturnType<typeof serveSite>>;

    beforeAll(async () => {
      project = await mkdtemp(path.join(os.tmpdir(), "docs-site-project-"));
      copyProject(REPO_ROOT, project);
      // Exactly three: the canonical entity and the two added below, whatever else schemas/ holds
      // (generate removes the others' outputs), so the lists asserted below are the whole site.
      for (const file of await readdir(path.join(project, "schemas")))
        if (file !== "connector-with-status.schema.json") await rm(path.join(project, "schemas", file));
      // Two entities added as a user adds one: scaffolded, then edited. Workspace comes before
      // ConnectorWithStatus by `order` (not by name) and refers to it; AuditEvent has a section and
      // group of its own.
      await runIn(project, "npm", ["run", "new-entity", "--", "Workspace"]);
      await runIn(project, "npm", ["run", "new-entity", "--", "AuditEvent"]);
      const edit = async (file: string, change: (schema: Record<string, any>) => void): Promise<void> => {
        const schema = JSON.parse(await readFile(path.join(project, "schemas", file), "utf8"));
        change(schema);
        await writeFile(path.join(project, "schemas", file), `${JSON.stringify(schema, null, 2)}\n`);
      };
      await edit("workspace.schema.json", (s) => {
        s["x-docs"] = { section: "Reference", group: "Types", order: 10 };
        s.description = "A team's space; its `connectors` are installed in it.";
        s.properties.connectors = { type: "array", items: { $ref: "./connector-with-status.schema.json" } };
        s.required.push("connectors");
      });
      await edit("audit-event.schema.json", (s) => {
        s["x-docs"] = { section: "Operations", group: "Audit", order: 1 };
        s.properties.action = { type: "string", description: "What was done." };
      });
      await runIn(project, path.join(project, "node_modules/.bin/contracts"), ["generate", "--no-frozen"]);
      await runIn(project, "npm", ["run", "build", "-w", "@contracts/docs"]);
      await buildSite({ root: path.join(project, "examples/docs-site"), outDir });
      site = await serveSite(outDir);
      page = await browser.newPage({ viewport });
    });
    afterAll(async () => {
      await page?.close();
      await site?.close();
      if (project) await rm(project, { recursive: true, force: true });
    });

    it("lists every entity in the sidebar by section, group and order, on every page", async () => {
      const entities = schemaEntities(project);
      const sidebar = expectedSidebar(entities);
      expect(sidebar).toEqual([
        "  Entities -> /",
        "Operations",
        "  Audit",
        "    AuditEvent -> /AuditEvent.html",
        "Reference",
        "  Types",
        "    Workspace -> /Workspace.html",
        "    ConnectorWithStatus -> /ConnectorWithStatus.html",
      ]);
      for (const entity of entities) await checkEntityPage(page, site.url, entity, sidebar);
    });

    it("lists every entity on the index, by group and order", async () => {
      expect(await indexTables(page, site.url)).toEqual([
        ["Audit", ["AuditEvent -> /AuditEvent.html"]],
        ["Types", ["Workspace -> /Workspace.html", "ConnectorWithStatus -> /ConnectorWithStatus.html"]],
      ]);
    });

    it("links a definition on one entity's page to the page of the entity declaring it", async () => {
      await open(page, new URL("Workspace.html", site.url).href);
      const link = page.locator(".vp-doc h2#definitions + table a", { hasText: "ConnectorWithStatus" });
      expect(await link.getAttribute("href")).toBe("./ConnectorWithStatus.html");
      await link.click();
      await page.waitForURL(/\/ConnectorWithStatus\.html$/);
      await expectHeading(page, "ConnectorWithStatus");
    });

    it("has no broken link on any page", async () => {
      const { pages, broken, errors } = await crawl(page, site.url);
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
      expect(pages).toEqual(["/", "/AuditEvent.html", "/ConnectorWithStatus.html", "/Workspace.html"]);
    });
  });
});
