import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFiles, heldProblems, targetOn } from "../../../scripts/targets.mjs";
import { entityPages } from "../src/index.js";

/**
 * What the package holds is what contracts.config.json says: with "docs" off, no page (pages/
 * holds no Markdown) and an empty list of pages in a module that says why; on, a page per entity
 * and the index. Runs with every setting, so it is the test of an off package (the tests of the
 * pages do not run then).
 */
const PACKAGE = path.join(import.meta.dirname, "..");

describe("the package holds what contracts.config.json's targets say", () => {
  it("its generated modules say the target is off exactly when it is, and write no data file then", () => {
    expect(heldProblems(PACKAGE, ["docs"], ["src/generated", "pages"])).toEqual([]);
  });

  it(`lists ${targetOn("docs") ? "a page per entity" : "no page (the target is off)"}`, () => {
    if (targetOn("docs")) {
      expect(entityPages.map((p) => p.name)).toContain("ConnectorWithStatus");
      expect(generatedFiles(PACKAGE, ["pages"])).toEqual(expect.arrayContaining(["pages/ConnectorWithStatus.md", "pages/index.md"]));
    } else {
      expect(entityPages).toEqual([]);
      expect(generatedFiles(PACKAGE, ["pages"])).toEqual([]);
    }
  });
});
