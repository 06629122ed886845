import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import { emitters } from "../src/emit/index.js";
import type { RawSchemaFile } from "../src/load/read.js";
import { makeProject, REPO_ROOT, runCli, schemaId } from "./helpers.js";
import { programOf } from "./tsc.js";

/**
 * Issue 14's read and write views through the real pipeline: two schemas with a readOnly property
 * at the root, inside a nested object and inside a `$defs` entry, a writeOnly one, a cross-file
 * `$ref` to a definition with a readOnly inside and a definition with neither. The outputs are
 * written into a scratch project inside this package (so the generated TypeScript resolves
 * typebox and the validators' runtime as the real packages do), then judged by the real
 * compiler, Ajv 2020 on the 3.1 document's components, and the generated validators.
 */
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const id = (file: string) => `https://contracts.dev/schemas/${file}`;

const ORDER = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: id("order.schema.json"),
  title: "Order",
  type: "object",
  properties: {
    id: { type: "string", readOnly: true },
    enabled: { type: "boolean" },
    password: { type: "string", minLength: 8, writeOnly: true },
    shipping: {
      type: "object",
      properties: { trackingId: { type: "string", readOnly: true }, street: { type: "string" } },
      required: ["trackingId", "street"],
      additionalProperties: false,
    },
    lines: { type: "array", items: { $ref: "#/$defs/Line" } },
    origin: { $ref: "#/$defs/Point" },
    billing: { $ref: "./customer.schema.json#/$defs/Address" },
  },
  required: ["id", "enabled", "shipping", "lines"],
  additionalProperties: false,
  $defs: {
    Line: {
      type: "object",
      properties: { lineId: { type: "integer", readOnly: true }, sku: { type: "string" } },
      required: ["lineId", "sku"],
      additionalProperties: false,
    },
    Point: {
      type: "object",
      properties: { x: { type: "number" }, y: { type: "number" } },
      required: ["x", "y"],
      additionalProperties: false,
    },
  },
};

const CUSTOMER = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: id("customer.schema.json"),
  title: "Customer",
  type: "object",
  properties: { name: { type: "string" }, address: { $ref: "#/$defs/Address" } },
  required: ["name"],
  additionalProperties: false,
  $defs: {
    Address: {
      type: "object",
      properties: { verifiedAt: { type: "string", format: "date-time", readOnly: true }, city: { type: "string" } },
      required: ["verifiedAt", "city"],
      additionalProperties: false,
    },
  },
};

const FILES: RawSchemaFile[] = [
  { file: "schemas/order.schema.json", text: JSON.stringify(ORDER, null, 2) },
  { file: "schemas/customer.schema.json", text: JSON.stringify(CUSTOMER, null, 2) },
];

type Validator = {
  is(v: unknown): boolean;
  validate(v: unknown): { ok: boolean; errors?: { path: string; keyword: string }[] };
};
type Case = { name: string; value: unknown };
type InvalidCase = Case & { expected: { path: string; keyword: string } };

let root: string;
let outputs: Map<string, string>;
let validators: Record<string, Validator>;
let fromDocument: (entity: string) => (value: unknown) => boolean;
const out = (file: string) => {
  const text = outputs.get(file);
  if (text === undefined) throw new Error(`no output ${file}; outputs: ${[...outputs.keys()].join(", ")}`);
  return text;
};
const json = <T>(file: string) => JSON.parse(out(file)) as T;

beforeAll(async () => {
  outputs = new Map((await generate(FILES, { emitters, runner: inThreadRunner() })).outputs);
  await mkdir(path.join(import.meta.dirname, "../.scratch"), { recursive: true });
  root = await mkdtemp(path.join(import.meta.dirname, "../.scratch/views-"));
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await cp(path.join(REPO_ROOT, "packages/validators/src/runtime"), path.join(root, "packages/validators/src/runtime"), { recursive: true });
  const mod = (await import(pathToFileURL(path.join(root, "packages/validators/src/generated/index.ts")).href)) as { validators: Record<string, Validator> };
  validators = mod.validators;
  const document = json<{ components: { schemas: Record<string, object> } }>("packages/openapi/generated/openapi.json");
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: document.components }, "doc");
  fromDocument = (entity) => ajv.compile({ $ref: `doc#/components/schemas/${entity}` });
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const VIEWS = ["OrderInput", "OrderPatch", "CustomerInput", "CustomerPatch"] as const;

describe("views derived from readOnly/writeOnly", () => {
  it("are entities with the right names in every artifact; a definition with neither has no view", () => {
    const document = json<{ components: { schemas: Record<string, unknown> } }>("packages/openapi/generated/openapi.json");
    const names = Object.keys(document.components.schemas);
    for (const name of [...VIEWS, "Order", "Customer", "Line", "LineInput", "Point", "Address", "AddressInput"]) expect(names, name).toContain(name);
    expect(names).not.toContain("PointInput");
    for (const name of VIEWS) expect(validators[name], name).toBeDefined();
    expect(out("packages/types/src/generated/order.input.ts")).toMatch(/export interface OrderInput \{/);
    expect(out("packages/types/src/generated/order.patch.ts")).toMatch(/export interface OrderPatch \{/);
    expect([...outputs.keys()].some((f) => /PointInput|point\.input/i.test(f) || /PointInput/.test(outputs.get(f) ?? ""))).toBe(false);
  });

  it("declare a cross-file definition's view once, in its file's view module, and import it", () => {
    const declares = [...outputs].filter(([file, text]) => file.startsWith("packages/types/") && /export (interface|type) AddressInput\b/.test(text));
    expect(declares.map(([file]) => file)).toEqual(["packages/types/src/generated/customer.input.ts"]);
    expect(out("packages/types/src/generated/order.input.ts")).toMatch(/import type \{[^}]*\bAddressInput\b[^}]*\} from "\.\/customer\.input\.js"/);
  });

  const input = { enabled: true, password: "s3cret-pw", shipping: { street: "1 Main St" }, lines: [{ sku: "A-1" }], billing: { city: "Lyon" } };

  it("the input validator accepts a body without readOnly properties and rejects each one sent, at its pointer", () => {
    expect(validators["OrderInput"]?.validate(input)).toMatchObject({ ok: true });
    for (const [value, pointer] of [
      [{ ...input, id: "o_1" }, "/id"],
      [{ ...input, shipping: { ...input.shipping, trackingId: "t" } }, "/shipping/trackingId"],
      [{ ...input, lines: [{ sku: "A-1", lineId: 3 }] }, "/lines/0/lineId"],
      [{ ...input, billing: { city: "Lyon", verifiedAt: "2026-01-01T00:00:00Z" } }, "/billing/verifiedAt"],
    ] as const) {
      const result = validators["OrderInput"]?.validate(value);
      expect(result?.ok, pointer).toBe(false);
      expect(result?.errors?.map((e) => e.path)).toContain(pointer);
      expect(fromDocument("OrderInput")(value), pointer).toBe(false);
    }
  });

  it("the read view still requires its readOnly properties; the write view still accepts writeOnly ones", () => {
    const read = { id: "o_1", enabled: true, shipping: { trackingId: "t", street: "s" }, lines: [{ lineId: 1, sku: "A" }] };
    expect(validators["Order"]?.is(read)).toBe(true);
    expect(validators["Order"]?.is({ ...read, id: undefined })).toBe(false);
    expect(validators["OrderInput"]?.is({ ...input, password: "short" })).toBe(false);
  });

  it("patch accepts { enabled: false } alone and rejects {} (minProperties) and a readOnly property", () => {
    const patch = validators["OrderPatch"];
    expect(patch?.validate({ enabled: false })).toMatchObject({ ok: true });
    expect(patch?.validate({ shipping: { street: "2 Side St" } })).toMatchObject({ ok: true });
    const empty = patch?.validate({});
    expect(empty?.ok).toBe(false);
    expect(empty?.errors?.map(({ path, keyword }) => ({ path, keyword }))).toContainEqual({ path: "", keyword: "minProperties" });
    expect(patch?.is({ id: "o_1" })).toBe(false);
    expect(fromDocument("OrderPatch")({ enabled: false })).toBe(true);
    expect(fromDocument("OrderPatch")({})).toBe(false);
  });

  it("types: readOnly properties are absent from the input view's type at every depth (real compiler)", () => {
    const sample = path.join(root, "sample.ts");
    const header = 'import type { Order, OrderInput, OrderPatch } from "./packages/types/src/generated/index.js";\n';
    const programs: Record<string, string> = {
      ok: `export const a: OrderInput = ${JSON.stringify(input)};\nexport const p: OrderPatch = { enabled: false };\n`,
      rootId: `export const a: OrderInput = ${JSON.stringify({ ...input, id: "o_1" })};\n`,
      nested: `export const a: OrderInput = ${JSON.stringify({ ...input, shipping: { street: "s", trackingId: "t" } })};\n`,
      defs: `export const a: OrderInput = ${JSON.stringify({ ...input, lines: [{ sku: "A", lineId: 1 }] })};\n`,
      crossFile: `export const a: OrderInput = ${JSON.stringify({ ...input, billing: { city: "Lyon", verifiedAt: "x" } })};\n`,
      readonly: `declare const o: Order;\no.id = "x";\n`,
      readIsNotInput: `declare const o: Order;\nexport const a: OrderInput = o;\n`,
      writeOnlyAbsent: `declare const o: Order;\nexport const pw = o.password;\n`,
    };
    const errors = (body: string) => {
      const program = programOf(new Map([[sample, header + body]]));
      return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    };
    const got = Object.fromEntries(Object.entries(programs).map(([name, body]) => [name, errors(body)]));
    expect(got["ok"]).toEqual([]);
    for (const name of ["rootId", "nested", "defs", "crossFile", "readIsNotInput"]) expect(got[name], name).toHaveLength(1);
    expect(got["readonly"]?.join("\n")).toMatch(/TS2540: Cannot assign to 'id' because it is a read-only property/);
    expect(got["writeOnlyAbsent"]?.join("\n")).toMatch(/TS2339: Property 'password' does not exist/);
  });
});

describe("differential: the generated validators and Ajv 2020 on the 3.1 document's view components", () => {
  const slugOf: Record<(typeof VIEWS)[number], string> = {
    OrderInput: "order.input",
    OrderPatch: "order.patch",
    CustomerInput: "customer.input",
    CustomerPatch: "customer.patch",
  };

  it.each(VIEWS)("%s: agree on every fixture, valid and invalid", (view) => {
    const valid = json<Case[]>(`packages/fixtures/generated/${slugOf[view]}.valid.json`);
    const invalid = json<InvalidCase[]>(`packages/fixtures/generated/${slugOf[view]}.invalid.json`);
    const ajv = fromDocument(view);
    expect(valid.length).toBeGreaterThan(0);
    for (const c of valid) {
      expect(ajv(c.value), `${view} ${c.name}`).toBe(true);
      expect(validators[view]?.is(c.value), `${view} ${c.name}`).toBe(true);
    }
    for (const c of invalid) {
      expect(ajv(c.value), `${view} ${c.name}`).toBe(false);
      expect(validators[view]?.is(c.value), `${view} ${c.name}`).toBe(false);
    }
    if (view.endsWith("Input")) expect(invalid.some((c) => c.name.includes("readOnly, sent"))).toBe(true);
    else expect(invalid.some((c) => c.expected.keyword === "minProperties")).toBe(true);
  });

  it("agree on random values (fixtures with keys set, dropped or sent at any depth)", () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant("2026-01-01T00:00:00Z"), fc.constant({}), fc.constant([]));
    const paths = [
      ["id"],
      ["enabled"],
      ["password"],
      ["name"],
      ["shipping", "trackingId"],
      ["shipping", "street"],
      ["lines", "0", "lineId"],
      ["lines", "0", "sku"],
      ["billing", "verifiedAt"],
      ["billing", "city"],
      ["address", "verifiedAt"],
      ["address", "city"],
    ];
    const edit = fc.record({ at: fc.constantFrom(...paths), value: fc.option(leaf, { nil: undefined }) });
    const setAt = (target: unknown, at: readonly string[], value: unknown): void => {
      let node = target as Record<string, unknown>;
      for (const key of at.slice(0, -1)) {
        if (typeof node[key] !== "object" || node[key] === null) return;
        node = node[key] as Record<string, unknown>;
      }
      const last = at[at.length - 1] as string;
      if (value === undefined) delete node[last];
      else node[last] = value;
    };
    const fixtures = new Map(VIEWS.map((view) => [view, json<Case[]>(`packages/fixtures/generated/${slugOf[view]}.valid.json`)]));
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.constantFrom(...VIEWS), fc.nat(), fc.array(edit, { maxLength: 3 }), (view, pick, edits) => {
        const valid = fixtures.get(view) ?? [];
        const value = structuredClone(valid[pick % valid.length]?.value);
        for (const { at, value: v } of edits) setAt(value, at, v);
        const want = fromDocument(view)(value);
        if (want) accepted++;
        else rejected++;
        expect(validators[view]?.is(value), `${view} ${JSON.stringify(value)}`).toBe(want);
        expect(validators[view]?.validate(value).ok, `${view} ${JSON.stringify(value)}`).toBe(want);
      }),
      { seed: 14, numRuns: 2000 },
    );
    expect(accepted, "enough random values are valid").toBeGreaterThan(200);
    expect(rejected, "enough random values are invalid").toBeGreaterThan(200);
  });
});

describe("examples in the write view", () => {
  // Dog's readOnly `id` comes from its `allOf` base: the base's view makes it `false`, so Dog's
  // example in the write view must be the record's example without it.
  const pet = (dog: Record<string, unknown> = {}) => ({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId("pet.schema.json"),
    title: "Pet",
    oneOf: [{ $ref: "#/$defs/Dog" }, { $ref: "#/$defs/Cat" }],
    $defs: {
      Base: { type: "object", properties: { id: { type: "integer", readOnly: true } } },
      Dog: {
        allOf: [{ $ref: "#/$defs/Base" }],
        properties: { petType: { const: "dog" } },
        required: ["petType"],
        examples: [{ id: 1, petType: "dog" }],
        ...dog,
      },
      Cat: { type: "object", properties: { petType: { const: "cat" } }, required: ["petType"], additionalProperties: false },
    },
  });
  const project = async (schema: object): Promise<string> => {
    const root = await makeProject({ "pet.schema.json": schema });
    await writeFile(path.join(root, "contracts.config.json"), JSON.stringify({ rules: { "closed-objects": "off" }, targets: { openapi30: false } }));
    return root;
  };

  it("leave out the readOnly properties an allOf base declares", async () => {
    const root = await project(pet());
    const run = await runCli("generate", "--root", root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const cases = JSON.parse(await readFile(path.join(root, "packages/fixtures/generated/pet.input.valid.json"), "utf8")) as { name: string; value: unknown }[];
    expect(cases.find((c) => c.name === "example 1")?.value).toEqual({ petType: "dog" });
    await rm(root, { recursive: true, force: true });
  });

  it("a problem only the view has is reported at the definition it comes from, not at the view's pointer", async () => {
    const root = await project(pet({ minProperties: 2 }));
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /schemas\/pet\.schema\.json:\d+:\d+ at \/\$defs\/Dog\/examples\/0: in its write view PetInput .*example 1 does not match its schema/,
    );
    expect(run.stderr).not.toContain("DogInput");
    await rm(root, { recursive: true, force: true });
  });
});
