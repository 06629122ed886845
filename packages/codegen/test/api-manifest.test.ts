import { readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exportedNames } from "../src/emit/api-manifest/exports.js";
import { apiManifest } from "../src/emit/api-manifest/index.js";
import { REPO_ROOT } from "./helpers.js";

describe("exportedNames", () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ["declarations", { "a.ts": "export const a = 1;\nexport function b() {}\nexport interface C {}\nexport type D = 1;\nexport class E {}\nconst hidden = 1;\n" }, ["C", "D", "E", "a", "b"]],
    ["export lists, renamed and type-only", { "a.ts": 'export { x, y as z } from "./b.js";\nexport type { T } from "./b.js";\nexport { errorsRoot as errors$X };\n' }, ["T", "errors$X", "x", "z"]],
    ["export * follows generated modules", { "a.ts": 'export type * from "./b.js";\nexport * from "./c.js";\n', "b.ts": "export interface B {}\n", "c.ts": "export const c = 1;\n" }, ["B", "c"]],
    ["export default is not a name (never generated)", { "a.ts": "export const a = 1;\n" }, ["a"]],
  ];
  it.each(cases)("%s", (_, files, want) => {
    expect(exportedNames(new Map(Object.entries(files)), "a.ts").sort()).toEqual(want);
  });
});

/**
 * The oracle: the TypeScript checker's view of each package's real entry (`src/index.ts`, with the
 * generated modules it re-exports) equals the committed manifest plus the package's hand-written
 * exports. A generated module whose exports the manifest misread fails here.
 */
const HAND_WRITTEN: Record<string, string[]> = {
  "packages/docs": ["pageUrl"],
  "packages/fixtures": ["DeepPartial", "InvalidCase", "ValidCase", "deepMerge"],
  "packages/openapi": ["MergedDocument", "ServiceDocument", "components", "mergeComponents"],
  "packages/types": [],
  "packages/validators": ["ContractValidationError", "StandardJSONSchemaV1", "StandardSchemaV1", "ValidationError", "ValidationResult", "Validator"],
};

describe("api/exports.json", () => {
  it("lists exactly what each package's entry exports, beside its hand-written names", async () => {
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "api/exports.json"), "utf8")) as Record<string, { exports: string[] }>;
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(HAND_WRITTEN));
    const entries = Object.keys(HAND_WRITTEN).map((dir) => path.join(REPO_ROOT, dir, "src/index.ts"));
    const program = ts.createProgram(entries, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true });
    const checker = program.getTypeChecker();
    for (const [dir, own] of Object.entries(HAND_WRITTEN)) {
      const source = program.getSourceFile(path.join(REPO_ROOT, dir, "src/index.ts"))!;
      const names = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name).sort();
      expect({ dir, names }).toEqual({ dir, names: [...manifest[dir]!.exports, ...own].sort() });
    }
  });

  it("lists OpenAPI components and docs pages", () => {
    const outputs = new Map([
      ["packages/openapi/src/generated/documents.ts", "export const openapi31 = {};\n"],
      ["packages/openapi/generated/openapi.json", JSON.stringify({ components: { schemas: { B: {}, A: {} } } })],
      ["packages/docs/src/generated/pages.ts", "export const entityPages = [];\n"],
      ["packages/docs/pages/A.md", "# A\n"],
    ]);
    expect(apiManifest(outputs)).toEqual({
      "packages/docs": { exports: ["entityPages"], files: ["pages/A.md"] },
      "packages/openapi": { exports: ["openapi31"], components: ["A", "B"] },
    });
  });
});
