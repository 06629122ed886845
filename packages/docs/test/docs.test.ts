import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateProject } from "@contracts/codegen";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { entityPages, indexPage, pageUrl } from "../src/index.js";

const PACKAGE_ROOT = path.resolve(import.meta.dirname, "..");
const REPO_ROOT = path.resolve(PACKAGE_ROOT, "../..");
// A verbatim copy of shared/spec/ConnectorWithStatus.md, the page as the docs team wrote it.
const SPEC_COPY = path.join(import.meta.dirname, "fixtures/ConnectorWithStatus.md");

describe("ConnectorWithStatus.md is byte-identical to the spec page", () => {
  it("as generated now from schemas/", async () => {
    const { outputs } = await generateProject(REPO_ROOT);
    const generated = outputs.get("packages/docs/pages/ConnectorWithStatus.md");
    expect(generated).toBeDefined();
    expect(Buffer.from(generated!, "utf8").equals(await readFile(SPEC_COPY))).toBe(true);
  });

  it("as committed in pages/ and published", async () => {
    const published = await readFile(path.join(PACKAGE_ROOT, "pages/ConnectorWithStatus.md"));
    expect(published.equals(await readFile(SPEC_COPY))).toBe(true);
  });
});

describe("pages module", () => {
  const frontmatterOf = async (url: URL): Promise<unknown> => {
    const text = await readFile(url, "utf8");
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(match, fileURLToPath(url)).not.toBeNull();
    return parse(match![1]!);
  };

  it("lists exactly the files in pages/", async () => {
    const files = (await readdir(path.join(PACKAGE_ROOT, "pages"))).map((f) => `pages/${f}`).sort();
    expect([...entityPages.map((p) => p.path), indexPage.path].sort()).toEqual(files);
  });

  it("carries each page's frontmatter as the page itself does", async () => {
    for (const page of entityPages) {
      const { title, description, section, group, order } = page;
      expect(await frontmatterOf(pageUrl(page))).toEqual({ title, description, section, group, order });
    }
    expect(await frontmatterOf(pageUrl(indexPage))).toEqual({ title: indexPage.title, description: indexPage.description });
  });

  it("lists the canonical entity", () => {
    expect(entityPages.find((p) => p.name === "ConnectorWithStatus")).toEqual({
      name: "ConnectorWithStatus",
      path: "pages/ConnectorWithStatus.md",
      title: "ConnectorWithStatus",
      description: "The `ConnectorWithStatus` entity.",
      section: "Reference",
      group: "Types",
      order: 50,
    });
  });

  it("pages resolve through the package's exports", () => {
    const resolved = createRequire(import.meta.url).resolve("@contracts/docs/pages/ConnectorWithStatus.md");
    expect(resolved).toBe(path.join(PACKAGE_ROOT, "pages/ConnectorWithStatus.md"));
  });
});
