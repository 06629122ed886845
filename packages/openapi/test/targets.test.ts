import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { heldProblems, targetOn } from "../../../scripts/targets.mjs";
import { mergeComponents, openapi30, openapi31 } from "../src/index.js";

/**
 * What the package holds is what contracts.config.json says: a document it turns off is not
 * written (no JSON, no YAML), its typed export is an empty document that says why, and
 * mergeComponents adds nothing from it; one it keeps on holds the entities. Runs with every
 * setting, so it is the test of an off document (the others that need it do not run then).
 */
const PACKAGE = path.join(import.meta.dirname, "..");
const documents = [
  { target: "openapi31", files: ["openapi.json", "openapi.yaml"], typed: openapi31, service: "3.1.0" },
  { target: "openapi30", files: ["openapi-3.0.json", "openapi-3.0.yaml"], typed: openapi30, service: "3.0.3" },
] as const;
const module = readFileSync(path.join(PACKAGE, "src/generated/documents.ts"), "utf8");

describe("the package holds what contracts.config.json's targets say", () => {
  it("its generated modules say the targets are off exactly when both are, and write no data file then", () => {
    expect(heldProblems(PACKAGE, ["openapi31", "openapi30"], ["src/generated", "generated"])).toEqual([]);
  });

  it.each(documents)(
    "$target: written with its entities when on; when off, no file and an empty document that says so",
    ({ target, files, typed, service }) => {
      const note = `/** Empty: the "${target}" target is off in contracts.config.json. */`;
      const schemas = Object.keys(typed.components.schemas);
      const merged = mergeComponents({ openapi: service, info: { title: "s", version: "1" }, paths: {} });
      if (targetOn(target)) {
        for (const file of files) expect(existsSync(path.join(PACKAGE, "generated", file)), file).toBe(true);
        expect(schemas).toContain("ConnectorWithStatus");
        expect(module).not.toContain(note);
      } else {
        for (const file of files) expect(existsSync(path.join(PACKAGE, "generated", file)), file).toBe(false);
        expect(schemas).toEqual([]);
        expect(module).toContain(note);
        expect(merged.components.schemas).toEqual({});
      }
    },
  );
});
