import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers.js";
import { programOf } from "./tsc.js";

/**
 * Issue 7's generality promise: a new schema gets every artifact with no other edit. Two schemas
 * (every supported construct, `$defs`, recursion, a cross-file and an `$id` reference, a
 * non-identifier key) are generated into a scratch project inside this package, so the generated
 * TypeScript resolves typebox and the validators' runtime like the real packages do; then every
 * artifact is judged: types compile with the fixtures, validators and the OpenAPI 3.1 document
 * agree with Ajv on the original schemas, both documents are valid OpenAPI, fixtures validate,
 * docs tag optional fields right and declare a shared definition once.
 */
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SCHEMAS = path.join(import.meta.dirname, "fixtures/generality");
const ENTITIES = ["Drawing", "Owner"] as const;
type Case = { name: string; value: unknown };
type InvalidCase = Case & { expected: { path: string; keyword: string } };

let root: string;
const read = (file: string) => readFile(path.join(root, file), "utf8");
const readJson = async <T>(file: string) => JSON.parse(await read(file)) as T;
const slug = (name: string) => name.toLowerCase();
let valid: Record<string, Case[]>;
let invalid: Record<string, InvalidCase[]>;
let ajv: Ajv2020;

beforeAll(async () => {
  await mkdir(path.join(import.meta.dirname, "../.scratch"), { recursive: true });
  root = await mkdtemp(path.join(import.meta.dirname, "../.scratch/generality-"));
  await cp(SCHEMAS, path.join(root, "schemas"), { recursive: true });
  // What the generated validators and fixtures import beside them in the real packages.
  await cp(path.join(REPO_ROOT, "packages/validators/src/runtime"), path.join(root, "packages/validators/src/runtime"), { recursive: true });
  const run = await runCli("generate", "--no-cache", "--root", root);
  expect(run.stderr).toBe("");
  valid = Object.fromEntries(await Promise.all(ENTITIES.map(async (e) => [e, await readJson<Case[]>(`packages/fixtures/generated/${slug(e)}.valid.json`)])));
  invalid = Object.fromEntries(
    await Promise.all(ENTITIES.map(async (e) => [e, await readJson<InvalidCase[]>(`packages/fixtures/generated/${slug(e)}.invalid.json`)])),
  );
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const e of ENTITIES) ajv.addSchema(JSON.parse(await readFile(path.join(SCHEMAS, `${slug(e)}.schema.json`), "utf8")) as object);
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const idOf = (entity: string) => `https://contracts.dev/test/${slug(entity)}.schema.json`;
const judge = (entity: string, value: unknown) => {
  const validate = ajv.getSchema(idOf(entity));
  if (!validate) throw new Error(`no schema ${entity}`);
  const ok = validate(value) as boolean;
  return { ok, errors: (validate.errors ?? []).map((e: ErrorObject) => ({ path: e.instancePath, keyword: e.keyword })) };
};

describe("a new schema gets every artifact", () => {
  it("fixtures: every valid case passes Ajv, every invalid case fails where it says", () => {
    for (const entity of ENTITIES) {
      expect(valid[entity]?.length).toBeGreaterThan(2);
      for (const c of valid[entity] ?? []) expect(judge(entity, c.value), `${entity} ${c.name}`).toEqual({ ok: true, errors: [] });
      for (const c of invalid[entity] ?? []) {
        const verdict = judge(entity, c.value);
        expect(verdict.ok, `${entity} ${c.name}`).toBe(false);
        expect(verdict.errors, `${entity} ${c.name}`).toContainEqual(c.expected);
      }
    }
  });

  it("types: the valid fixtures compile against the generated types; a broken value does not", () => {
    const sample = path.join(root, "sample.ts");
    const lines = [
      'import type { Drawing, Owner, Point, Color, Node } from "./packages/types/src/generated/index.js";',
      ...ENTITIES.map((e) => `export const ${slug(e)}: ${e}[] = ${JSON.stringify((valid[e] ?? []).map((c) => c.value))};`),
      "export const point: Point = { x: 1, y: 2 };",
      'export const colors: Color[] = ["red", "blue"];',
      "export const node: Node = { value: 1, children: [{ value: 2 }] };",
    ];
    // kebab-key is required: dropping it must not compile.
    const broken = 'const { "kebab-key": _dropped, ...rest } = drawing[0]!;\nexport const broken: Drawing = rest;';
    const diagnostics = (text: string) => {
      const program = programOf(new Map([[sample, text]]));
      return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    };
    expect(diagnostics(lines.join("\n"))).toEqual([]);
    expect(diagnostics([...lines, broken].join("\n")).join("\n")).toMatch(/sample\.ts: Property '"kebab-key"' is missing/);
  });

  it("validators: agree with Ajv on every fixture, with the expected error path and keyword", async () => {
    const mod = (await import(pathToFileURL(path.join(root, "packages/validators/src/generated/index.ts")).href)) as {
      validators: Record<string, { is(v: unknown): boolean; validate(v: unknown): { ok: boolean; errors?: { path: string; keyword: string }[] } }>;
    };
    for (const entity of ENTITIES) {
      const validator = mod.validators[entity];
      expect(validator, entity).toBeDefined();
      for (const c of valid[entity] ?? []) expect(validator?.is(c.value), `${entity} ${c.name}`).toBe(true);
      for (const c of invalid[entity] ?? []) {
        const result = validator?.validate(c.value);
        expect(result?.ok, `${entity} ${c.name}`).toBe(false);
        expect(
          result?.errors?.map(({ path, keyword }) => ({ path, keyword })),
          `${entity} ${c.name}`,
        ).toContainEqual(c.expected);
      }
    }
  });

  /**
   * The fixtures' invalid cases break types, required keys, enums, formats and closed objects
   * (issue 5's rules), not bounds: these values sit just outside (and just inside) every bound,
   * pattern and length of the Drawing schema, set into its `full` fixture. `keyword` is the error
   * a validator reports there; union branches report differently per validator (verdict only).
   */
  const BOUNDS: { at: string; value: unknown; ok: boolean; keyword?: string }[] = [
    { at: "/tags", value: [], ok: false, keyword: "minItems" },
    { at: "/tags", value: ["a", "b", "c", "d"], ok: false, keyword: "maxItems" },
    { at: "/tags", value: ["a", "a"], ok: false, keyword: "uniqueItems" },
    { at: "/tags", value: ["a"], ok: true },
    { at: "/tags", value: ["a", "b", "c"], ok: true },
    { at: "/count", value: -1, ok: false, keyword: "minimum" },
    { at: "/count", value: 11, ok: false, keyword: "maximum" },
    { at: "/count", value: 1.5, ok: false, keyword: "type" },
    { at: "/count", value: 0, ok: true },
    { at: "/count", value: 10, ok: true },
    { at: "/ratio", value: 0, ok: false, keyword: "exclusiveMinimum" },
    { at: "/ratio", value: 1, ok: false, keyword: "exclusiveMaximum" },
    { at: "/ratio", value: 0.001, ok: true },
    { at: "/ratio", value: 0.999, ok: true },
    { at: "/code", value: "eur", ok: false, keyword: "pattern" },
    { at: "/code", value: "EURO", ok: false, keyword: "pattern" },
    { at: "/code", value: "USD", ok: true },
    { at: "/kebab-key", value: "k".repeat(21), ok: false, keyword: "maxLength" },
    { at: "/kebab-key", value: "k".repeat(20), ok: true },
    { at: "/label", value: "", ok: false },
    { at: "/label", value: "a", ok: true },
    { at: "/label", value: 0, ok: true },
    { at: "/shape", value: { kind: "circle", radius: -1 }, ok: false },
    { at: "/shape", value: { kind: "circle", radius: 0 }, ok: true },
    { at: "/shape", value: { kind: "square", side: 0 }, ok: false },
    { at: "/shape", value: { kind: "square", side: 1 }, ok: true },
    { at: "/tree", value: { value: 1, children: [{ value: 2 }, { value: 3 }, { value: 4 }] }, ok: false, keyword: "maxItems" },
    { at: "/tree", value: { value: 1, children: [{ value: 2 }, { value: 3, children: [] }] }, ok: true },
  ];
  const boundCases = () => {
    const full = valid["Drawing"]?.find((c) => c.name === "full")?.value as Record<string, unknown> | undefined;
    if (!full) throw new Error("no full Drawing fixture");
    return BOUNDS.map(({ at, value, ok, keyword }) => {
      const key = at.slice(1);
      expect(Object.hasOwn(full, key), `the full fixture sets ${at}`).toBe(true);
      const errorAt = keyword === "maxItems" && at === "/tree" ? "/tree/children" : at;
      return { name: `${at} = ${JSON.stringify(value)}`, value: { ...full, [key]: value }, ok, expected: keyword ? { path: errorAt, keyword } : undefined };
    });
  };

  it("validators and the 3.1 document: judge values at every bound, pattern and length as Ajv does", async () => {
    const mod = (await import(pathToFileURL(path.join(root, "packages/validators/src/generated/index.ts")).href)) as {
      validators: Record<string, { is(v: unknown): boolean; validate(v: unknown): { ok: boolean; errors?: { path: string; keyword: string }[] } }>;
    };
    const document = await readJson<{ components: { schemas: Record<string, object> } }>("packages/openapi/generated/openapi.json");
    const oas = new Ajv2020({ strict: false });
    addFormats(oas);
    oas.addSchema({ $id: "doc", components: document.components }, "doc");
    const fromDocument = oas.compile({ $ref: "doc#/components/schemas/Drawing" });
    const cases = boundCases();
    for (const c of cases) {
      const verdict = judge("Drawing", c.value);
      expect(verdict.ok, `Ajv: ${c.name}`).toBe(c.ok);
      if (c.expected) expect(verdict.errors, c.name).toContainEqual(c.expected);
      const result = mod.validators["Drawing"]?.validate(c.value);
      expect(result?.ok, c.name).toBe(verdict.ok);
      expect(mod.validators["Drawing"]?.is(c.value), c.name).toBe(verdict.ok);
      if (c.expected)
        expect(
          result?.errors?.map(({ path, keyword }) => ({ path, keyword })),
          c.name,
        ).toContainEqual(c.expected);
      expect(fromDocument(c.value), c.name).toBe(verdict.ok);
    }
  });

  it.each(["openapi.json", "openapi-3.0.json"])("openapi: %s is a valid OpenAPI document holding every entity and definition", async (file) => {
    const document = await readJson<{ components: { schemas: Record<string, unknown> } }>(`packages/openapi/generated/${file}`);
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Drawing and Owner have readOnly properties: their write views are components too.
    expect(Object.keys(document.components.schemas)).toEqual([
      "Color",
      "Drawing",
      "DrawingInput",
      "DrawingPatch",
      "Node",
      "Owner",
      "OwnerInput",
      "OwnerPatch",
      "Point",
    ]);
  });

  it("openapi: the 3.1 schemas judge every fixture as the original schemas do", async () => {
    const document = await readJson<{ components: { schemas: Record<string, object> } }>("packages/openapi/generated/openapi.json");
    const oas = new Ajv2020({ strict: false });
    addFormats(oas);
    oas.addSchema({ $id: "doc", components: document.components }, "doc");
    for (const entity of ENTITIES) {
      const validate = oas.compile({ $ref: `doc#/components/schemas/${entity}` });
      for (const c of [...(valid[entity] ?? []), ...(invalid[entity] ?? [])]) expect(validate(c.value), `${entity} ${c.name}`).toBe(judge(entity, c.value).ok);
    }
  });

  it("docs: optional fields carry no `required` tag, types name definitions, non-identifier keys are quoted", async () => {
    const page = await read("packages/docs/pages/Drawing.md");
    const row = (field: string) => page.split("\n").find((l) => l.startsWith(`| \`${field}\``)) ?? "";
    expect(row("id")).toMatch(/\| `readonly` `required` — Server-assigned\. +\|$/);
    expect(row("origin")).toMatch(/^\| `origin` +\| `Point` +\| `required` +\|$/);
    expect(row("tree")).toMatch(/^\| `tree` +\| `Node` +\| +\|$/);
    expect(row("tags")).toMatch(/^\| `tags` +\| `string\[\]` +\| +\|$/);
    expect(row("note")).toMatch(/^\| `note` +\| `string \\\| null` +\| `required` +\|$/);
    expect(page).toContain('  "kebab-key": string;');
    expect(page).toContain("  tree?: Node;");
    const owner = await read("packages/docs/pages/Owner.md");
    expect(owner).toContain("  home: Point;");
    // Point is Drawing's: declared on its page, linked from Owner's.
    expect(owner).toMatch(/^\| \[`Point`\]\(\.\/Drawing\.md\) +\|/m);
    expect(owner).not.toContain("interface Point");
    expect(page).toContain("### Point\n\n```ts\ninterface Point {");
    expect(owner).toContain("  favourite?: Drawing;");
  });
});
