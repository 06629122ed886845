import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import type { AnySchema } from "ajv";
import fc from "fast-check";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { formatProblem, SchemaProblems } from "../../../src/errors.js";
import { openapiEmitter } from "../../../src/emit/openapi/index.js";
import { toYamlText } from "../../../src/emit/openapi/serialize.js";
import addFormatsModule from "ajv-formats";
import { generateWith } from "../../helpers.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module, the plugin `.default`.
const addFormats = addFormatsModule.default;

const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;

const BASE = "https://contracts.dev/schemas";
const owner = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}/owner.schema.json`,
  title: "Owner",
  type: "object",
  properties: { name: { type: "string", minLength: 1 }, email: { type: ["string", "null"], format: "email" } },
  required: ["name", "email"],
  additionalProperties: false,
};
/** Every construct the 3.0 down-conversion rewrites, in one entity. */
const widget = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}/widget.schema.json`,
  title: "Widget",
  type: "object",
  $defs: {
    Size: { type: "string", enum: ["s", "m", "l"] },
    Dimensions: {
      title: "Dims",
      type: "object",
      properties: { w: { type: "number", exclusiveMinimum: 0 }, h: { type: "integer", minimum: 1, exclusiveMaximum: 10 } },
      required: ["w"],
      additionalProperties: false,
    },
  },
  properties: {
    kind: { const: "widget" },
    size: { $ref: "#/$defs/Size" },
    maybeSize: { anyOf: [{ $ref: "#/$defs/Size" }, { type: "null" }] },
    dims: { $ref: "#/$defs/Dimensions", description: "Outer box" },
    label: { type: ["string", "integer", "null"], minLength: 2, minimum: 3 },
    nothing: { type: "null" },
    tag: { oneOf: [{ type: "string", maxLength: 3 }, { type: "integer" }, { type: "null" }] },
    level: { type: ["string", "null"], enum: ["low", "high"] },
    mood: { description: "How it feels", anyOf: [{ type: "string", enum: ["happy", "sad"] }, { type: "null" }] },
    owner: { $ref: "./owner.schema.json" },
    maybeOwner: { anyOf: [{ $ref: `${BASE}/owner.schema.json` }, { type: "null" }] },
    parent: { anyOf: [{ $ref: "#" }, { type: "null" }] },
    tags: { type: "array", items: { type: "string" }, uniqueItems: true, examples: [["a"]] },
    zero: { const: null },
    // Multi-line text prints as a YAML block scalar: the per-entity YAML must shift it exactly.
    notes: { type: "string", description: "Free text.\n\nKept as written,\n  indented too: # not a comment" },
    score: { type: "number", minimum: 5, exclusiveMinimum: 0, exclusiveMaximum: 9, maximum: 10 },
  },
  required: ["kind", "size"],
  additionalProperties: false,
};
const file = (name: string, schema: unknown) => ({ file: `schemas/${name}.schema.json`, text: `${JSON.stringify(schema, null, 2)}\n` });
const modelFiles = [file("owner", owner), file("widget", widget)];

interface Documents {
  oas31: { components: { schemas: Record<string, unknown> } };
  oas30: { components: { schemas: Record<string, unknown> } };
}

/** The 3.1 and 3.0 documents the openapi emitter writes for `files`. */
async function documentsOf(files: readonly { file: string; text: string }[]): Promise<Documents> {
  const outputs = await generateWith([openapiEmitter], files);
  const read = (name: string) => JSON.parse(outputs.get(`packages/openapi/generated/${name}`) ?? "null");
  return { oas31: read("openapi.json"), oas30: read("openapi-3.0.json") };
}

describe("the openapi emitter on $defs, cross-file refs and every rewritten construct", () => {
  let oas31: Documents["oas31"];
  let oas30: Documents["oas30"];
  beforeAll(async () => {
    ({ oas31, oas30 } = await documentsOf(modelFiles));
  });

  it("lifts $defs to components and points every $ref at components", () => {
    expect(Object.keys(oas31.components.schemas)).toEqual(["Dims", "Owner", "Size", "Widget"]);
    expect(Object.keys(oas30.components.schemas)).toEqual(["Dims", "Owner", "Size", "Widget"]);
    const refs = (doc: object) => JSON.stringify(doc).match(/"\$ref":"[^"]*"/g);
    expect(new Set(refs(oas31))).toEqual(
      new Set([
        '"$ref":"#/components/schemas/Size"',
        '"$ref":"#/components/schemas/Dims"',
        '"$ref":"#/components/schemas/Owner"',
        '"$ref":"#/components/schemas/Widget"',
      ]),
    );
    expect(new Set(refs(oas30))).toEqual(new Set(refs(oas31)));
  });

  it("judges values exactly as the schemas do, in both versions", () => {
    const reference = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(reference);
    reference.addSchema(owner);
    const canonical = reference.compile(widget);
    const v31 = new Ajv2020({ strict: true, allowUnionTypes: true });
    const v30 = new AjvDraft04({ strict: true });
    // The document fields let Ajv load a whole document as the resource holding the components;
    // draft 4 lacks the annotations OpenAPI 3.0 adds.
    const documentFields = ["openapi", "info", "paths", "components"];
    for (const [ajv, extra] of [
      [v31, documentFields],
      [v30, [...documentFields, "example", "readOnly", "writeOnly", "deprecated"]],
    ] as const) {
      addFormats(ajv);
      for (const k of extra) ajv.addKeyword(k);
    }
    v31.addSchema(structuredClone(oas31) as unknown as AnySchema, "https://test.invalid/oas31.json");
    v30.addSchema(structuredClone(oas30) as unknown as AnySchema, "https://test.invalid/oas30.json");
    const judge31 = v31.compile({ $ref: "https://test.invalid/oas31.json#/components/schemas/Widget" });
    const judge30 = v30.compile({ $ref: "https://test.invalid/oas30.json#/components/schemas/Widget" });

    // Mostly valid values (every branch of every union, null where allowed), sometimes wrong ones.
    const pick = (valid: unknown[], wrong: unknown[]) =>
      fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...wrong) });
    const ownerValue = pick(
      [
        { name: "A", email: null },
        { name: "A", email: "a@b.co" },
      ],
      [{ name: "", email: null }, { name: "A", email: "nope" }, { name: "A" }, null, "A"],
    );
    const widgetValue = fc.letrec((tie) => ({
      widget: fc.record(
        {
          kind: pick(["widget"], ["gadget", null]),
          size: pick(["s", "l"], ["xl", null]),
          maybeSize: pick(["m", null], ["xl", 1]),
          dims: pick([{ w: 1 }, { w: 0.5, h: 1 }, { w: 1, h: 9 }], [{ w: 0 }, { w: 1, h: 10 }, { w: 1, h: 0 }, { h: 2 }, null]),
          label: pick(["ab", 3, null], ["a", 2, 3.5, true]),
          nothing: pick([null], ["x", 0]),
          tag: pick(["abc", 7, null], ["abcd", 1.5]),
          level: pick(["low", "high"], [null, "mid"]),
          mood: pick(["happy", "sad", null], ["angry", 1]),
          owner: ownerValue,
          maybeOwner: fc.oneof(ownerValue, fc.constant(null)),
          parent: fc.oneof({ depthSize: "small", withCrossShrink: true }, pick([null], [1, {}]), tie("widget")),
          tags: pick([[], ["a"], ["a", "b"]], [["a", "a"], [1], "a", null]),
          zero: pick([null], [0, ""]),
          score: pick([5, 8.5], [4.9, 9, 10, 0]),
        },
        { requiredKeys: ["kind", "size"] },
      ),
    }));
    const seen = new Set<boolean>();
    fc.assert(
      fc.property(widgetValue.widget, (value) => {
        const verdict = canonical(value);
        seen.add(verdict);
        expect([judge31(value), judge30(value)]).toEqual([verdict, verdict]);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(seen).toEqual(new Set([true, false]));
  });

  it("writes JSON and YAML twins and is deterministic", async () => {
    const [first, second] = [await generateWith([openapiEmitter], modelFiles), await generateWith([openapiEmitter], modelFiles)];
    expect([...first]).toEqual([...second]);
    for (const name of ["openapi", "openapi-3.0"]) {
      const json = first.get(`packages/openapi/generated/${name}.json`) ?? "";
      const yaml = first.get(`packages/openapi/generated/${name}.yaml`) ?? "";
      expect(parse(yaml)).toEqual(JSON.parse(json));
      // Joined from per-entity blocks, byte for byte what printing the whole document gives.
      expect(yaml).toBe(toYamlText(JSON.parse(json)));
    }
    expect(first.get("packages/openapi/src/generated/openapi-types.ts")).toContain("Dims: {");
  });
});

describe("constructs the emitter refuses", () => {
  const problemsOf = async (schemas: [string, unknown][]) => {
    try {
      await documentsOf(schemas.map(([name, s]) => file(name, s)));
    } catch (error) {
      if (error instanceof SchemaProblems) return error.problems.map(formatProblem);
      throw error;
    }
    return [];
  };
  /** The entity of `schemas/<name>.schema.json`: its `$id` ends with that file's name, as validation requires. */
  const entity = (name: string, title: string, extra: object) => ({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${BASE}/${name}.schema.json`,
    title,
    type: "object",
    additionalProperties: false,
    ...extra,
  });

  it("a $defs entry named like another component (refused by validation, naming both places)", async () => {
    expect(
      await problemsOf([
        ["owner", owner],
        ["thing", entity("thing", "Thing", { $defs: { Owner: { type: "string" } }, properties: { o: { $ref: "#/$defs/Owner" } } })],
      ]),
    ).toEqual([
      'schemas/thing.schema.json:8:5 at /$defs/Owner: definition name "Owner" is also declared at schemas/owner.schema.json#/title; every generated artifact exports it under that one name\n  fix: rename one of them (a $defs key, or its "title"), or $ref the existing definition instead of repeating it',
    ]);
  });

  it("a $defs key that is not an identifier becomes a PascalCase component name", async () => {
    const { oas31 } = await documentsOf([
      file("thing", entity("thing", "Thing", { $defs: { "my size": { type: "string" } }, properties: { s: { $ref: "#/$defs/my size" } } })),
    ]);
    expect(Object.keys(oas31.components.schemas)).toEqual(["MySize", "Thing"]);
  });

  it("a const next to an enum (both apply: refused until the emitter expresses the pair)", async () => {
    expect(await problemsOf([["thing", entity("thing", "Thing", { properties: { k: { enum: ["a"], const: "b" } } })]])).toEqual([
      'schemas/thing.schema.json:8:5 at /properties/k: "enum" and "const" side by side in one schema (both apply) is valid JSON Schema, but the openapi target cannot express it yet\n  fix: rewrite it with constructs that target supports (README, "Supported vocabulary"), or turn it off under "targets" in contracts.config.json',
    ]);
  });
});

describe("openapi-typescript types, built per entity", () => {
  it("equal what openapiTS prints for the whole document", async () => {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    const { readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const dir = path.join(import.meta.dirname, "../../fixtures/generality");
    const scenario = await Promise.all(
      ["drawing", "owner"].map(async (name) => ({ file: `schemas/${name}.schema.json`, text: await readFile(path.join(dir, `${name}.schema.json`), "utf8") })),
    );
    for (const m of [modelFiles, scenario]) {
      const files = await generateWith([openapiEmitter], m);
      const generated = files.get("packages/openapi/src/generated/openapi-types.ts") ?? "";
      const whole = astToString(await openapiTS(JSON.parse(files.get("packages/openapi/generated/openapi.json") ?? "{}") as never, { silent: true }));
      expect(generated.slice(generated.indexOf("\n\n") + 2)).toBe(whole.endsWith("\n") ? whole : `${whole}\n`);
    }
  });
});
