import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The exported schema is `as const`, so TypeBox infers the entity's type from it
 * (`XStatic<typeof ConnectorWithStatus>`); the exported type is @contracts/types' declaration
 * (TypeBox turns refs across modules into `unknown`). For the canonical entity the two agree.
 */
function diagnostics(source: string): string[] {
  const file = path.join(import.meta.dirname, "__static__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
}

const header = `import type { XStatic } from "typebox/schema";
import { ConnectorWithStatus } from "../src/index.js";
type Inferred = XStatic<typeof ConnectorWithStatus>;
type Declared = ConnectorWithStatus;
type IsAny<T> = 0 extends 1 & T ? true : false;
`;

describe("the static type of ConnectorWithStatus", () => {
  it("TypeBox infers from the exported schema what @contracts/types declares, in both directions", () => {
    expect(
      diagnostics(`${header}
export const notAny: IsAny<Inferred> = false;
export const declaredFromInferred = (v: Inferred): Declared => v;
export const inferredFromDeclared = (v: Declared): Inferred => v;
`),
    ).toEqual([]);
  });

  it("can tell a different type apart (the check above is not vacuous)", () => {
    expect(diagnostics(`${header}\nexport const wrong = (v: Inferred): { enabled: string } => v;\n`).join("\n")).toMatch(/not assignable/);
  });
});
