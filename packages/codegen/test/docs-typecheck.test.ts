import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generate } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import { docsEmitter } from "../src/emit/docs/index.js";
import { typesEmitter } from "../src/emit/types/index.js";
import { DEFAULT_CONFIG } from "../src/load/config.js";
import type { RawSchemaFile } from "../src/load/read.js";
import { generateProject } from "../src/run/project.js";
import { canonicalSchemaText, CANONICAL_FILE, generateWith, REPO_ROOT } from "./helpers.js";

/*
 * Every page's Definition blocks are real TypeScript meaning what `@contracts/types` means: each
 * page's ```ts blocks become one module, next to the generated types, and the real compiler must
 * find every type the page declares assignable both ways to the type of that name in
 * `@contracts/types` (the same type, whatever the layout). A table cell is printed from the same
 * syntax as its block (syntax.ts), so this checks the cells' types too.
 */

const TYPES_DIR = "packages/types/src/generated";
const PAGES_DIR = "packages/docs/pages";
const VIRTUAL = "/virtual-project";

function tsBlocks(page: string): string[] {
  return [...page.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map((m) => m[2] as string);
}

const declaredNames = (text: string): string[] => [...text.matchAll(/^(?:export )?(?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] as string);

/** The compiler's complaints about every page of `outputs` against the types of `outputs`, as `file: message`. */
function typecheckPages(outputs: ReadonlyMap<string, string>): string[] {
  const files = new Map<string, string>();
  const typeNames = new Set<string>();
  for (const [file, text] of outputs) {
    if (!file.startsWith(`${TYPES_DIR}/`)) continue;
    files.set(`${VIRTUAL}/${file}`, text);
    declaredNames(text).forEach((n) => typeNames.add(n));
  }
  const problems: string[] = [];
  for (const [file, page] of outputs) {
    if (!file.startsWith(`${PAGES_DIR}/`) || file.endsWith("/index.md")) continue;
    const blocks = tsBlocks(page);
    const declared = blocks.flatMap(declaredNames);
    const missing = declared.filter((n) => !typeNames.has(n));
    if (missing.length > 0) problems.push(`${file}: declares ${missing.join(", ")}, which @contracts/types does not export`);
    const module = [
      'import type * as Types from "@contracts/types";',
      // What the page refers to without declaring it (other entities, definitions of their pages).
      ...[...typeNames].filter((n) => !declared.includes(n)).map((n) => `type ${n} = Types.${n};`),
      ...blocks,
      ...declared
        .filter((n) => typeNames.has(n))
        .map((n) => `export function same${n}(docs: ${n}, types: Types.${n}): [Types.${n}, ${n}] { return [docs, types]; }`),
    ].join("\n");
    files.set(`${VIRTUAL}/${file}.ts`, module);
  }
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
    // The declarations need `Record` only: the smallest lib keeps each program quick to build.
    lib: ["lib.es5.d.ts"],
    skipLibCheck: true,
    paths: { "@contracts/types": [`${VIRTUAL}/${TYPES_DIR}/index.ts`] },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile: read } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? read.call(host, name);
  host.directoryExists = (dir) => dir.startsWith(VIRTUAL) || ts.sys.directoryExists(dir);
  host.realpath = (name) => name;
  host.getSourceFile = (name, version, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile.call(host, name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  const roots = [...files.keys()].filter((f) => f.endsWith(".md.ts"));
  const program = ts.createProgram(roots, options, host);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    problems.push(`${d.file?.fileName.slice(VIRTUAL.length + 1) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  }
  return problems;
}

const SCHEMA = "https://json-schema.org/draft/2020-12/schema";

/** An entity using every construct the docs print, with the array cases a second printer had got wrong. */
const constructs = {
  $schema: SCHEMA,
  $id: "https://contracts.dev/schemas/constructs.schema.json",
  title: "Constructs",
  type: "object",
  $defs: {
    Tier: { enum: ["free", "pro"] },
    Spot: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } }, required: ["x", "y"], additionalProperties: false },
  },
  properties: {
    oneBranchEnums: { type: "array", items: { anyOf: [{ enum: ["a", "b"] }] } },
    oneBranchNullable: { type: "array", items: { anyOf: [{ type: ["string", "null"] }] } },
    nestedArrays: { type: "array", items: { type: "array", items: { enum: ["x", "y", null] } } },
    unionOfArrays: { anyOf: [{ type: "array", items: { type: "string" } }, { type: "array", items: { $ref: "#/$defs/Spot" } }, { type: "null" }] },
    record: { type: "object", additionalProperties: { anyOf: [{ $ref: "#/$defs/Tier" }, { type: "null" }] } },
    closedEmpty: { type: "object", additionalProperties: false },
    constObject: { const: { "a-b": [1, "x"], n: null } },
    constString: { const: 'say "hi"' },
    tiers: { type: "array", items: { $ref: "#/$defs/Tier" } },
    where: {
      oneOf: [{ $ref: "#/$defs/Spot" }, { type: "object", properties: { name: { type: "string" } }, required: ["name"], additionalProperties: false }],
    },
    owner: { $ref: "https://contracts.dev/test/owner.schema.json" },
    self: { anyOf: [{ $ref: "#" }, { type: "null" }] },
    "kebab-key": { type: ["integer", "null"] },
  },
  required: ["oneBranchEnums", "nestedArrays", "where"],
  additionalProperties: false,
};

async function schemasIn(dir: string): Promise<RawSchemaFile[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ file: `schemas/${name}`, text: await readFile(path.join(dir, name), "utf8") })));
}

describe("every docs page's Definition blocks type-check against @contracts/types", () => {
  it("the project's own pages", async () => {
    const { outputs } = await generateProject(REPO_ROOT);
    expect([...outputs.keys()].filter((f) => f.startsWith(`${PAGES_DIR}/`))).toContain(`${PAGES_DIR}/ConnectorWithStatus.md`);
    expect(typecheckPages(outputs)).toEqual([]);
  });

  it("pages of schemas using every construct, cross-file refs and $defs", async () => {
    const files = [
      { file: `schemas/${CANONICAL_FILE}`, text: await canonicalSchemaText() },
      ...(await schemasIn(path.join(import.meta.dirname, "fixtures/generality"))),
      { file: "schemas/constructs.schema.json", text: JSON.stringify(constructs, null, 2) },
    ];
    const outputs = await generateWith([typesEmitter, docsEmitter], files);
    expect(outputs.get(`${PAGES_DIR}/Constructs.md`)).toContain('oneBranchEnums: ("a" | "b")[];');
    expect(typecheckPages(outputs)).toEqual([]);
  });

  it("the refs fixtures", async () => {
    const outputs = await generateWith([typesEmitter, docsEmitter], await schemasIn(path.join(import.meta.dirname, "fixtures/refs")));
    expect(typecheckPages(outputs)).toEqual([]);
  });

  it("fails on a block whose type differs from the types' (the check can fail)", async () => {
    const outputs = new Map(
      await generateWith(
        [typesEmitter, docsEmitter],
        [
          {
            file: "schemas/constructs.schema.json",
            text: JSON.stringify({ ...constructs, properties: { ...constructs.properties, owner: { type: "string" } } }),
          },
        ],
      ),
    );
    const page = `${PAGES_DIR}/Constructs.md`;
    // The bug this test exists for: an array of a one-branch anyOf printed without parentheses.
    outputs.set(page, (outputs.get(page) ?? "").replace('oneBranchEnums: ("a" | "b")[];', 'oneBranchEnums: "a" | "b"[];'));
    expect(typecheckPages(outputs).join("\n")).toMatch(/Constructs\.md\.ts: .*not assignable/);
  });
});

describe('with "closed-objects" off, the docs print the index signatures @contracts/types has', () => {
  // Open objects as a drop-in schema writes them: `meta` leaves additionalProperties unwritten
  // (TypeScript's object type already takes other properties: no index signature), `extra`
  // writes it (`{}`: one), `bag` declares no property (a record either way).
  const open = {
    $schema: SCHEMA,
    $id: "https://contracts.dev/schemas/open.schema.json",
    title: "Open",
    type: "object",
    properties: {
      meta: { type: "object", properties: { by: { type: "string" } } },
      extra: { type: "object", properties: { by: { type: "string" } }, additionalProperties: {} },
      bag: { type: "object" },
    },
  };
  const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, "closed-objects": "off" as const } };

  it("no index signature where the types have none, one where they have one, and the blocks type-check", async () => {
    const { outputs } = await generate([{ file: "schemas/open.schema.json", text: JSON.stringify(open, null, 2) }], {
      emitters: [typesEmitter, docsEmitter],
      runner: inThreadRunner(),
      config,
    });
    const types = outputs.get(`${TYPES_DIR}/open.ts`) ?? "";
    const block = tsBlocks(outputs.get(`${PAGES_DIR}/Open.md`) ?? "").join("\n");
    // The members of each property's object type, in the types and in the docs' Definition block.
    const members = (text: string, property: string) =>
      text
        .match(new RegExp(`${property}\\?: \\{([^}]*)\\}`))?.[1]
        ?.replace(/\/\*\*[\s\S]*?\*\//g, "")
        .replace(/\[k(ey)?: string\]/g, "[key: string]")
        .split(/[;\n]/)
        .map((m) => m.trim())
        .filter(Boolean);
    expect(members(types, "meta")).toEqual(["by?: string"]);
    expect(members(block, "meta")).toEqual(members(types, "meta"));
    expect(members(types, "extra")).toEqual(["by?: string", "[key: string]: unknown"]);
    expect(members(block, "extra")).toEqual(members(types, "extra"));
    expect(types).toMatch(/bag\?: Record<string, unknown>;/);
    expect(block).toMatch(/bag\?: Record<string, unknown>;/);
    expect(typecheckPages(outputs)).toEqual([]);
  });
});
