import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Type-checks sample code against @contracts/types with the real compiler. The samples are
 * virtual files beside this test, compiled as one program (one compiler start-up for all), so a
 * sample that should not compile is really checked, not skipped.
 */
function diagnostics(samples: Record<string, string>): Map<string, string[]> {
  const files = new Map(Object.entries(samples).map(([name, source]) => [path.join(import.meta.dirname, `__${name}__.ts`), source]));
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    const source = files.get(name);
    return source === undefined ? getSourceFile(name, version) : ts.createSourceFile(name, source, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const [file] of files) {
    const name = path.basename(file).slice(2, -5);
    const sourceFile = program.getSourceFile(file);
    out.set(
      name,
      ts.getPreEmitDiagnostics(program, sourceFile).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
    );
  }
  return out;
}

const header = 'import type { ConnectorWithStatus } from "../src/index.js";\n';
const valid = `{
  id: "mcp_01",
  name: "GitHub",
  slug: "github",
  description: null,
  iconUrl: "https://cdn.example.com/github.png",
  mcpUrl: "https://mcp.example.com/github",
  oauthScopes: "repo read:org",
  configSchema: { type: "object" },
  enabled: true,
  createdAt: "2026-01-02T03:04:05Z",
  server: { id: "srv_01", status: "connected", config: null },
}`;

const rejected: [string, string, RegExp][] = [
  ["a missing field", `const { slug, ...rest } = ${valid};\nconst c: ConnectorWithStatus = rest;`, /^TS2741: Property 'slug' is missing/],
  ["a wrong type", `const c: ConnectorWithStatus = { ...${valid}, enabled: "yes" };`, /^TS2322: Type 'string' is not assignable to type 'boolean'/],
  ["null where not allowed", `const c: ConnectorWithStatus = { ...${valid}, mcpUrl: null };`, /^TS2322: Type 'null' is not assignable to type 'string'/],
  [
    "an unknown status",
    `const c: ConnectorWithStatus = { ...${valid}, server: { id: "s", status: "pending", config: null } };`,
    /^TS2322: Type '"pending"' is not assignable/,
  ],
  [
    "an extra key (closed object)",
    `const c: ConnectorWithStatus = { ...${valid}, color: "red" };`,
    /^TS2353: Object literal may only specify known properties/,
  ],
  ["a missing nested field", `const c: ConnectorWithStatus = { ...${valid}, server: { id: "s", status: null } };`, /^TS2741: Property 'config' is missing/],
];

const results = diagnostics({
  valid: `${header}
const installed: ConnectorWithStatus = ${valid};
const notInstalled: ConnectorWithStatus = { ...installed, server: null, configSchema: null, iconUrl: null };
const statuses: ConnectorWithStatus["server"][] = [
  { id: "s", status: "error", config: {} },
  { id: "s", status: "disconnected", config: { a: 1 } },
  { id: "s", status: null, config: null },
  null,
];
export { installed, notInstalled, statuses };
`,
  ...Object.fromEntries(rejected.map(([, body], i) => [`rejected${i}`, `${header}${body}\nexport { c };\n`])),
});

const viewHeader = 'import type { ConnectorWithStatus, ConnectorWithStatusInput, ConnectorWithStatusPatch } from "../src/index.js";\n';
/** The full valid value without its readOnly properties (`id`, `createdAt`): a create body. */
const input = valid.replace(/^\s*(id|createdAt): .*\n/gm, "");

const views = diagnostics({
  inputOk: `${viewHeader}export const a: ConnectorWithStatusInput = ${input};\nexport const b: ConnectorWithStatusInput = { ...a, server: null };\n`,
  patchOk: `${viewHeader}export const a: ConnectorWithStatusPatch = { enabled: false };\nexport const b: ConnectorWithStatusPatch = { server: null, name: "x" };\n`,
  inputWithId: `${viewHeader}const base = ${input};\nexport const a: ConnectorWithStatusInput = { ...base, id: "mcp_01" };\n`,
  inputLiteralWithId: `${viewHeader}export const a: ConnectorWithStatusInput = { id: "mcp_01", name: "n", slug: "s", description: null, iconUrl: null, mcpUrl: "u", oauthScopes: null, configSchema: null, enabled: true, server: null };\n`,
  readonlyId: `${viewHeader}declare const c: ConnectorWithStatus;\nc.id = "other";\n`,
  readonlyCreatedAt: `${viewHeader}declare const c: ConnectorWithStatus;\nc.createdAt = "2026-01-01T00:00:00Z";\n`,
  writableName: `${viewHeader}declare const c: ConnectorWithStatus;\nc.name = "other";\n`,
  fullIsNotInput: `${viewHeader}declare const c: ConnectorWithStatus;\nexport const a: ConnectorWithStatusInput = c;\n`,
  patchWrongType: `${viewHeader}export const a: ConnectorWithStatusPatch = { enabled: "no" };\n`,
  patchId: `${viewHeader}export const a: ConnectorWithStatusPatch = { id: "mcp_01" };\n`,
});

describe("@contracts/types: the views of ConnectorWithStatus", () => {
  it("XInput accepts a create body (no readOnly properties); XPatch accepts { enabled: false } alone", () => {
    expect(views.get("inputOk")).toEqual([]);
    expect(views.get("patchOk")).toEqual([]);
  });

  it.each([
    ["an XInput value with id (spread)", "inputWithId", /^TS2322: Type 'string' is not assignable to type 'never'/],
    ["an XInput literal with id", "inputLiteralWithId", /^TS2322: Type 'string' is not assignable to type 'never'/],
    ['assigning X["id"] (readonly)', "readonlyId", /^TS2540: Cannot assign to 'id' because it is a read-only property/],
    ['assigning X["createdAt"] (readonly)', "readonlyCreatedAt", /^TS2540: Cannot assign to 'createdAt' because it is a read-only property/],
    [
      "a full X where an XInput is wanted (id?: never)",
      "fullIsNotInput",
      /^TS2322: Type 'ConnectorWithStatus' is not assignable to type 'ConnectorWithStatusInput'/,
    ],
    ["a wrong type in a patch", "patchWrongType", /^TS2322: Type 'string' is not assignable to type 'boolean'/],
    ["id in a patch", "patchId", /^TS2322: Type 'string' is not assignable to type 'never'/],
  ])("rejects %s", (_name, key, want) => {
    const errors = views.get(key);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(want);
  });

  it("leaves writable properties of X writable", () => {
    expect(views.get("writableName")).toEqual([]);
  });
});

describe("@contracts/types: ConnectorWithStatus", () => {
  it("accepts valid objects: installed, not installed, every status", () => {
    expect(results.get("valid")).toEqual([]);
  });

  it.each(rejected.map(([name, , want], i) => [name, i, want] as const))("rejects %s", (_name, i, want) => {
    const errors = results.get(`rejected${i}`);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(want);
  });
});
