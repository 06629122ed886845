import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { heldProblems, targetOn } from "../../../scripts/targets.mjs";

/**
 * What the package holds is what contracts.config.json says: with "types" off, its generated
 * module exports nothing (asked of the real compiler: types are not values) and says why; on, it
 * exports the entities. Runs with every setting, so it is the test of an off package (the other
 * tests do not run then).
 */
const PACKAGE = path.join(import.meta.dirname, "..");

/** The names the package's entry point exports, as the TypeScript compiler sees them. */
function exportedNames(): string[] {
  const entry = path.join(PACKAGE, "src/index.ts");
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!);
  return symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [];
}

describe("the package holds what contracts.config.json's targets say", () => {
  it("its generated modules say the target is off exactly when it is, and write no data file then", () => {
    expect(heldProblems(PACKAGE, ["types"], ["src/generated"])).toEqual([]);
  });

  it(`exports ${targetOn("types") ? "the entities" : "no entity (the target is off)"}`, () => {
    if (targetOn("types")) expect(exportedNames()).toContain("ConnectorWithStatus");
    else expect(exportedNames()).toEqual([]);
  });
});
