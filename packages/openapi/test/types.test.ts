import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const probeFile = fileURLToPath(new URL("./__type-probe__.ts", import.meta.url));
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** Type errors of `body` compiled next to the tests, with both type sources imported. */
function typeErrors(body: string): string[] {
  const text = [
    `import type { components } from "../src/index.js";`,
    `import type { ConnectorWithStatus } from "@contracts/types";`,
    `type FromOpenApi = components["schemas"]["ConnectorWithStatus"];`,
    body,
  ].join("\n");
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (file === probeFile ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probeFile || fileExists(file);
  const program = ts.createProgram([probeFile], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("openapi-typescript's components and @contracts/types", () => {
  it("are mutually assignable for ConnectorWithStatus", () => {
    expect(typeErrors(`
      declare const fromOpenApi: FromOpenApi;
      declare const fromTypes: ConnectorWithStatus;
      export const a: ConnectorWithStatus = fromOpenApi;
      export const b: FromOpenApi = fromTypes;
    `)).toEqual([]);
  });

  it("(the probe notices a difference in either direction)", () => {
    const narrower = typeErrors(`
      declare const fromTypes: ConnectorWithStatus;
      export const b: Omit<FromOpenApi, "server"> & { server: null } = fromTypes;
    `);
    const wider = typeErrors(`
      declare const fromOpenApi: Omit<FromOpenApi, "description"> & { description: string | number | null };
      export const a: ConnectorWithStatus = fromOpenApi;
    `);
    expect(narrower).toHaveLength(1);
    expect(wider).toHaveLength(1);
  });
});
