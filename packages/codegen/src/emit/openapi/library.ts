import { createRequire } from "node:module";
import { InternalError } from "../../errors.js";
import { requireWithCodeCache } from "../../libraries/code-cache.js";

type OpenapiTypescript = typeof import("openapi-typescript");

/** The parts of openapi-typescript (and the TypeScript compiler) the types step uses. */
export interface OpenapiTypescriptParts {
  readonly ts: typeof import("typescript");
  readonly transformSchemaObject: OpenapiTypescript["transformSchemaObject"];
  readonly resolveRef: OpenapiTypescript["resolveRef"];
  readonly createRef: OpenapiTypescript["createRef"];
  readonly tsPropertyIndex: OpenapiTypescript["tsPropertyIndex"];
  readonly addJSDocComment: OpenapiTypescript["addJSDocComment"];
  readonly astToString: OpenapiTypescript["astToString"];
}

/**
 * Loaded on first use, with `require` and from the modules that define them rather than through
 * `import("openapi-typescript")`, because loading is most of what a run costs (measured on Node
 * 20): importing the TypeScript compiler (CommonJS, 9 MB) from ESM makes Node scan its source
 * for export names and module syntax first, 0.85 s against 0.38 s for `require`; and the package
 * entry pulls in Redocly's bundler, which we never call (1.0 s in all, against 0.6 s this way).
 * The package exports these paths (`"./*"`), but they are its build's layout, not its API: the
 * version is pinned exactly in package.json, so an upgrade is a reviewed change that runs these
 * tests rather than a minor release that moves a file.
 */
export function openapiTypescript(): OpenapiTypescriptParts {
  // Node's module cache keeps what `require` loaded: a later call only looks the modules up.
  const require = createRequire(import.meta.url);
  // First, so openapi-typescript's own require("typescript") gets this instance, its compiled
  // code cached between runs (most of what loading the parts costs).
  const typescript = requireWithCodeCache(require, "typescript").exports as typeof import("typescript");
  const lib = (path: string) => require(`openapi-typescript/dist/${path}`) as Record<string, unknown>;
  const schemaObject = lib("transform/schema-object.cjs");
  const utils = lib("lib/utils.cjs");
  const ts = lib("lib/ts.cjs");
  const parts: OpenapiTypescriptParts = {
    ts: typescript,
    transformSchemaObject: schemaObject["default"] as OpenapiTypescript["transformSchemaObject"],
    resolveRef: utils["resolveRef"] as OpenapiTypescript["resolveRef"],
    createRef: utils["createRef"] as OpenapiTypescript["createRef"],
    tsPropertyIndex: ts["tsPropertyIndex"] as OpenapiTypescript["tsPropertyIndex"],
    addJSDocComment: ts["addJSDocComment"] as OpenapiTypescript["addJSDocComment"],
    astToString: ts["astToString"] as OpenapiTypescript["astToString"],
  };
  for (const [name, value] of Object.entries(parts)) {
    if (value === undefined)
      throw new InternalError(`openapi-typescript no longer exports ${name} where @contracts/codegen expects it (was it upgraded without its pin?)`);
  }
  return parts;
}
