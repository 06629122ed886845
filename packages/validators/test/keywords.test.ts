import { createRequire } from "node:module";
import { rm } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateCases } from "./suite/project.js";

/**
 * Constructs beyond the suite's: a discriminated union's errors, and Ajv (2020 + ajv-formats, the
 * oracle) against `isX` and the walkers on generated values for schemas combining the keywords.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const shape = {
  oneOf: [
    {
      type: "object",
      properties: { kind: { const: "circle" }, radius: { type: "number", minimum: 0 } },
      required: ["kind", "radius"],
      additionalProperties: false,
    },
    { type: "object", properties: { kind: { const: "square" }, side: { type: "number" } }, required: ["kind", "side"], additionalProperties: false },
    {
      type: "object",
      properties: { kind: { const: "label" }, text: { type: "string", minLength: 1 } },
      required: ["kind", "text"],
      additionalProperties: false,
    },
  ],
};

/** Each schema combines keywords the way real schemas do (MCP, OpenAPI 3.1, Ajv users'). */
const combined: Record<string, object> = {
  Shape: shape,
  Tagged: {
    type: "object",
    properties: { id: { type: "string", pattern: "^usr_[a-z0-9]+$" } },
    required: ["id"],
    unevaluatedProperties: false,
    allOf: [{ properties: { n: { type: "integer", multipleOf: 2 } } }],
  },
  Tuple: {
    type: "array",
    prefixItems: [{ type: "string", format: "uuid" }, { enum: [1, "a", [1], { x: null }] }],
    items: false,
    contains: { const: 1 },
    minContains: 0,
  },
  Conditional: {
    if: { properties: { a: { const: 1 } }, required: ["a"] },
    then: { required: ["b"] },
    else: { not: { required: ["c"] } },
    dependentRequired: { d: ["e"] },
    propertyNames: { maxLength: 2 },
  },
  Patterns: {
    type: "object",
    patternProperties: { "^x-": { type: "string" } },
    additionalProperties: { type: "number" },
    minProperties: 1,
    maxProperties: 3,
    dependentSchemas: { z: { required: ["y"] } },
  },
  Counts: {
    type: "object",
    additionalProperties: { type: "number" },
  },
  Nullable: { anyOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { type: "null" }] },
  StringOrList: {
    oneOf: [
      { type: "string", minLength: 2 },
      { type: "array", maxItems: 1 },
    ],
  },
  InPlace: { anyOf: [{ type: "object", allOf: [{ type: "string" }] }, { type: "null" }] },
  ObjectsOrNull: {
    anyOf: [
      { type: "object", properties: { a: { type: "string" }, d: { type: "string" } }, required: ["a", "d"] },
      { type: "object", properties: { b: { type: "string" }, c: { type: "string" } }, required: ["b", "c"] },
      { type: "null" },
    ],
  },
  // Closed objects whose properties are not all required: rt.closed's test by name, not TypeBox's regexp per key.
  ClosedOptional: { type: "object", properties: { a: { type: "string" }, b: { type: "number" } }, required: ["a"], additionalProperties: false },
  ClosedEmpty: { type: "object", additionalProperties: false },
  Open: {
    type: ["object", "array", "null"],
    items: { format: "date" },
    unevaluatedItems: false,
    anyOf: [{ maxItems: 2 }, { type: "object" }, { type: "null" }],
  },
};

let root: string;
let validators: Record<string, Validator<unknown>>;
beforeAll(async () => {
  root = await generateCases(Object.entries(combined).map(([name, schema]) => ({ name, schema: schema as never })));
  validators = (await import(path.join(root, "packages/validators/src/generated/index.ts"))).validators;
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("a discriminated oneOf of three branches", () => {
  it.each([
    ["a circle with a negative radius", { kind: "circle", radius: -1 }, [{ path: "/radius", keyword: "minimum", message: "/radius must be >= 0 (got -1)" }]],
    ["a label without its text", { kind: "label" }, [{ path: "", keyword: "required", message: 'value must have required property "text"' }]],
    [
      "a square with a circle's field",
      { kind: "square", side: 2, radius: 1 },
      [{ path: "", keyword: "additionalProperties", message: 'value must not have unknown property "radius"' }],
    ],
  ])("%s: the errors of the tagged branch only", (_, value, errors) => {
    expect(validators["Shape"]?.validate(value)).toEqual({ ok: false, errors });
  });

  it("a value without a known tag is judged as any union", () => {
    const result = validators["Shape"]?.validate({ kind: "hexagon" });
    expect(result?.ok).toBe(false);
    expect(validators["Shape"]?.is({ kind: "square", side: 1 })).toBe(true);
  });

  it("dispatches on the tag in the generated walker", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path.join(root, "packages/validators/src/generated/shape.ts"), "utf8");
    expect(text).toContain(
      'const tags_oneOf = new Map<unknown, rt.Walker>([["circle", errors_oneOf_0], ["square", errors_oneOf_1], ["label", errors_oneOf_2]]);',
    );
    expect(text).toContain('if (!rt.tagged(out, path, v, "kind", tags_oneOf, undefined)) rt.oneOf(');
  });
});

describe("a union whose branches differ in type", () => {
  it.each([
    ["Nullable", 5, [{ path: "", keyword: "anyOf", message: "value must be object or null (got 5)" }]],
    ["Nullable", {}, [{ path: "", keyword: "required", message: 'value must have required property "a"' }]],
    ["Nullable", { a: 1 }, [{ path: "/a", keyword: "type", message: "/a must be string (got 1)" }]],
    ["StringOrList", "a", [{ path: "", keyword: "minLength", message: 'value must have at least 2 characters (got "a")' }]],
    ["StringOrList", [1, 2], [{ path: "", keyword: "maxItems", message: "value must have at most 1 item (got an array)" }]],
    ["StringOrList", 1, [{ path: "", keyword: "oneOf", message: "value must be string or array (got 1)" }]],
    // The object branch's allOf says "string" at the branch's own depth: merged with the null branch's type, as for any union.
    ["InPlace", {}, [{ path: "", keyword: "anyOf", message: "value must be string or null (got an object)" }]],
    // Two object branches: each type named once ("object or object or null" before).
    ["ObjectsOrNull", 5, [{ path: "", keyword: "anyOf", message: "value must be object or null (got 5)" }]],
    // Branches of one type that all reject the value: the errors of the branch with the fewest,
    // of each branch as close on a tie (the value may have meant either).
    ["ObjectsOrNull", { b: "x" }, [{ path: "", keyword: "required", message: 'value must have required property "c"' }]],
    [
      "ObjectsOrNull",
      { b: 1 },
      [
        { path: "", keyword: "required", message: 'value must have required property "a"' },
        { path: "", keyword: "required", message: 'value must have required property "d"' },
        { path: "", keyword: "required", message: 'value must have required property "c"' },
        { path: "/b", keyword: "type", message: "/b must be string (got 1)" },
      ],
    ],
  ])("%s, given %j: the errors of the branch of its type", (name, value, errors) => {
    expect(validators[name]?.validate(value)).toEqual({ ok: false, errors });
  });

  it("is dispatched on the type in the generated walker, unless a branch applies subschemas in place", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = async (slug: string) => readFile(path.join(root, `packages/validators/src/generated/${slug}.ts`), "utf8");
    expect(await text("nullable")).toContain(
      'if ((typeof v === "object" && v !== null && !Array.isArray(v))) errors_anyOf_0(v, path, out); else if (v === null) errors_anyOf_1(v, path, out); else rt.fail(out, path, "anyOf", "must be object or null", v);',
    );
    expect(await text("nullable")).not.toContain("rt.anyOf(");
    expect(await text("inplace")).toContain("rt.anyOf(");
  });
});

describe("a closed object with optional properties", () => {
  it.each([
    ["ClosedOptional", { a: "x" }, true],
    ["ClosedOptional", { a: "x", b: 1 }, true],
    ["ClosedOptional", { b: 1 }, false],
    ["ClosedOptional", { a: "x", c: 1 }, false],
    ["ClosedOptional", Object.assign(Object.create({ c: 1 }), { a: "x" }), true],
    ["ClosedEmpty", {}, true],
    ["ClosedEmpty", Object.create({ c: 1 }), true],
    ["ClosedEmpty", { c: 1 }, false],
  ])("%s, given %j: valid %s, the walker agreeing", (name, value, want) => {
    const v = validators[name] as Validator<unknown>;
    expect(v.is(value)).toBe(want);
    expect(v.errors(value).length === 0).toBe(want);
  });

  it("names the unknown key, and the missing one", () => {
    expect(validators["ClosedOptional"]?.validate({ b: 1, c: 2 })).toEqual({
      ok: false,
      errors: [
        { path: "", keyword: "required", message: 'value must have required property "a"' },
        { path: "", keyword: "additionalProperties", message: 'value must not have unknown property "c"' },
      ],
    });
  });

  it("walks a child that says only its type only when the type is wrong", async () => {
    expect(validators["ClosedOptional"]?.validate({ a: 1, b: "x" })).toEqual({
      ok: false,
      errors: [
        { path: "/a", keyword: "type", message: "/a must be string (got 1)" },
        { path: "/b", keyword: "type", message: '/b must be number (got "x")' },
      ],
    });
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path.join(root, "packages/validators/src/generated/closedoptional.ts"), "utf8");
    expect(text).toContain(
      'if ("b" in v && v["b"] !== undefined) { const c = v["b"]; if (!(Number.isFinite(c))) { path.push("b"); errors_properties_b(c, path, out); path.pop(); } }',
    );
    // The same for any child position: here a typed record's values (the key budget test below walks its errors).
    const counts = await readFile(path.join(root, "packages/validators/src/generated/counts.ts"), "utf8");
    expect(counts).toContain("{ const c = v[k]; if (!(Number.isFinite(c))) { path.push(k); errors_additionalProperties(c, path, out); path.pop(); } }");
  });

  it("is checked by rt.closed's test of the declared names, not a regexp per own name", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = async (slug: string) => readFile(path.join(root, `packages/validators/src/generated/${slug}.ts`), "utf8");
    expect(await text("closedoptional")).toContain(
      'rt.closed((v: object) => { if (!("a" in v)) return false; for (const k in v) if (!(k === "a" || k === "b") && rt.isOwn(v, k)) return false; return true; })',
    );
    expect(await text("closedempty")).toContain("rt.closed((v: object) => { for (const k in v) if (rt.isOwn(v, k)) return false; return true; })");
    for (const slug of ["closedoptional", "closedempty"]) expect(await text(`${slug}.check`)).not.toContain("getOwnPropertyNames");
  });
});

describe("the key budget on a typed record", () => {
  const record = (n: number, bad = false): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[`k${i}`] = bad && i % 2 === 0 ? "x" : i;
    return out;
  };
  it("reads up to MAX_KEYS keys one by one, and rejects past that with one maxKeys error in every entry point", async () => {
    const { MAX_KEYS } = await import("../src/runtime/index.js");
    const v = validators["Counts"] as Validator<unknown>;
    expect(v.is(record(MAX_KEYS))).toBe(true);
    expect(v.validate(record(3, true))).toEqual({
      ok: false,
      errors: [
        { path: "/k0", keyword: "type", message: '/k0 must be number (got "x")' },
        { path: "/k2", keyword: "type", message: '/k2 must be number (got "x")' },
      ],
    });
    const error = { path: "", keyword: "maxKeys", message: "value must have at most 10,000 properties (the validators' key budget) (got an object)" };
    for (const value of [record(MAX_KEYS + 1), record(MAX_KEYS + 1, true)]) {
      expect(v.is(value)).toBe(false);
      expect(v.jsonOnly.is(value)).toBe(false);
      expect(v.validate(value)).toEqual({ ok: false, errors: [error] });
      expect(v.jsonOnly.validate(value)).toEqual({ ok: false, errors: [error] });
      expect(() => v.parse(value)).toThrow(error.message);
      expect(v["~standard"].validate(value)).toEqual({ issues: [{ message: error.message, path: [] }] });
    }
  });
});

describe("the key budget counts inherited enumerable keys, as the check does", () => {
  it("is() and validate() reject an object whose own keys fit and whose inherited ones do not", async () => {
    const { MAX_KEYS } = await import("../src/runtime/index.js");
    const v = validators["Counts"] as Validator<unknown>;
    const value: Record<string, unknown> = Object.create({ inheritedA: 1, inheritedB: 2 });
    for (let i = 0; i < MAX_KEYS; i++) value[`k${i}`] = i;
    expect(v.is(value)).toBe(false);
    expect(v.validate(value)).toEqual({
      ok: false,
      errors: [
        { path: "", keyword: "maxKeys", message: "value must have at most 10,000 properties (the validators' key budget) (got a non-plain object (Object))" },
      ],
    });
  });
});

describe("verdicts equal Ajv's on generated values", () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom(
        null,
        true,
        false,
        0,
        1,
        2,
        -1,
        1.5,
        "",
        "a",
        "ab",
        "abc",
        "usr_a1",
        "usr_",
        "x-a",
        "2024-02-29",
        "2023-02-29",
        "123e4567-e89b-12d3-a456-426614174000",
      ),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom("kind", "radius", "side", "text", "id", "n", "a", "b", "c", "d", "e", "x-1", "y", "z", "long"), tie("value"), {
        maxKeys: 5,
      }),
      fc.record(
        {
          kind: fc.constantFrom("circle", "square", "label", "other"),
          radius: fc.integer({ min: -2, max: 2 }),
          side: fc.integer(),
          text: fc.string({ maxLength: 2 }),
        },
        { requiredKeys: ["kind"] },
      ),
    ),
  })).value;
  it.each(Object.keys(combined))("%s", (name) => {
    const check = ajv.compile(combined[name] as object);
    fc.assert(
      fc.property(json, (value) => {
        const validator = validators[name] as Validator<unknown>;
        const want = check(value) as boolean;
        return validator.is(value) === want && (validator.errors(value).length === 0) === want;
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
