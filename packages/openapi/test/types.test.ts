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
    `import type { ConnectorWithStatus, ConnectorWithStatusInput, ConnectorWithStatusPatch } from "@contracts/types";`,
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

/** `true` only for `any`: a mistyped `components` would otherwise be assignable both ways. */
const IS_ANY = "type IsAny<T> = 0 extends 1 & T ? true : false;";

/** Probes that fail (one error each) unless `target` is `any` or has a `name: number`. */
const probes = (target: string) => [
  `declare const wrong: Omit<ConnectorWithStatus, "name"> & { name: number }; export const b: ${target} = wrong;`,
  `declare const value: ${target}; export const a: Omit<ConnectorWithStatus, "name"> & { name: number } = value;`,
  `${IS_ANY} export const notAny: IsAny<${target}> = false;`,
];

describe("openapi-typescript's components and @contracts/types", () => {
  it("are mutually assignable for ConnectorWithStatus, and not any", () => {
    expect(
      typeErrors(`
      ${IS_ANY}
      declare const fromOpenApi: FromOpenApi;
      declare const fromTypes: ConnectorWithStatus;
      export const a: ConnectorWithStatus = fromOpenApi;
      export const b: FromOpenApi = fromTypes;
      export const notAny: IsAny<FromOpenApi> = false;
      export const serverNotAny: IsAny<NonNullable<FromOpenApi["server"]>> = false;
    `),
    ).toEqual([]);
  });

  it("are mutually assignable for the write views ConnectorWithStatusInput and ConnectorWithStatusPatch, and not any", () => {
    for (const view of ["ConnectorWithStatusInput", "ConnectorWithStatusPatch"]) {
      expect(
        typeErrors(`
        ${IS_ANY}
        declare const fromOpenApi: components["schemas"]["${view}"];
        declare const fromTypes: ${view};
        export const a: ${view} = fromOpenApi;
        export const b: components["schemas"]["${view}"] = fromTypes;
        export const notAny: IsAny<components["schemas"]["${view}"]> = false;
        // Both say a readOnly property may not be sent: a full read-view value is assignable to neither.
        declare const full: ConnectorWithStatus;
        // @ts-expect-error id is never in the write view
        export const c: components["schemas"]["${view}"] = full;
        // @ts-expect-error id is never in the write view
        export const d: ${view} = full;
      `),
        view,
      ).toEqual([]);
    }
  });

  it("notices a difference in either direction", () => {
    expect(probes("FromOpenApi").map((probe) => typeErrors(probe).length)).toEqual([1, 1, 0]);
  });

  it("(the probes would notice components typed as any)", () => {
    expect(probes("any").map((probe) => typeErrors(probe).length)).toEqual([0, 0, 1]);
  });
});
