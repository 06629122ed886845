import { describe, expect, it } from "vitest";
import type { Json } from "../../../src/model/types.js";
import { toOas30 } from "../../../src/emit/openapi/oas30/index.js";
import { isObject } from "../../../src/schema/refs.js";

const ctx = {
  file: "schemas/widget.schema.json",
  refFor: (_file: string, ref: string) => `#/components/schemas/${ref === "#" ? "Widget" : ref.replace(/^.*\//, "").replace(".schema.json", "")}`,
  targetOf: (_file: string, ref: string) => {
    throw new Error(`no target for ${ref} in these cases`);
  },
  report: (pointer: string, message: string) => {
    throw new Error(`${pointer}: ${message}`);
  },
};
const NULL_ONLY = { type: "string", nullable: true, enum: [null] };

/** [name, { given: 2020-12 schema, want: OpenAPI 3.0.3 schema }] */
const cases: [string, { given: Json; want: Json }][] = [
  ["type [T, null] → nullable T", { given: { type: ["string", "null"], format: "uri" }, want: { type: "string", format: "uri", nullable: true } }],
  ["nullable enum keeps its null", { given: { type: ["string", "null"], enum: ["a", null] }, want: { type: "string", nullable: true, enum: ["a", null] } }],
  [
    "nullable type whose enum rejects null keeps rejecting it",
    { given: { type: ["string", "null"], enum: ["a"] }, want: { type: "string", nullable: true, enum: ["a"] } },
  ],
  [
    "anyOf [object, null] → nullable object, outer annotations kept",
    {
      given: { description: "d", anyOf: [{ type: "object", additionalProperties: {} }, { type: "null" }] },
      want: { description: "d", type: "object", additionalProperties: {}, nullable: true },
    },
  ],
  [
    "anyOf [enum, null] → the enum gains null",
    { given: { anyOf: [{ type: "string", enum: ["a", "b"] }, { type: "null" }] }, want: { type: "string", enum: ["a", "b", null], nullable: true } },
  ],
  ["anyOf [untyped enum, null] → enum with null, no nullable", { given: { anyOf: [{ enum: [1, 2] }, { type: "null" }] }, want: { enum: [1, 2, null] } }],
  ["anyOf [{}, null] → {}", { given: { anyOf: [{}, { type: "null" }] }, want: {} }],
  [
    "anyOf [$ref, null] keeps a null branch ($ref siblings are ignored in 3.0)",
    { given: { anyOf: [{ $ref: "./owner.schema.json" }, { type: "null" }] }, want: { anyOf: [{ $ref: "#/components/schemas/owner" }, NULL_ONLY] } },
  ],
  [
    "annotation on both sides keeps the branch form",
    {
      given: { description: "a", anyOf: [{ type: "string", description: "b" }, { type: "null" }] },
      want: { description: "a", anyOf: [{ type: "string", description: "b" }, NULL_ONLY] },
    },
  ],
  [
    "oneOf of two types and null keeps a null branch",
    { given: { oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] }, want: { oneOf: [{ type: "string" }, { type: "integer" }, NULL_ONLY] } },
  ],
  [
    "oneOf [T, null] → nullable T (T rejects null, so null matches one branch)",
    { given: { oneOf: [{ type: "string" }, { type: "null" }] }, want: { type: "string", nullable: true } },
  ],
  [
    "oneOf [nullable T, null] keeps both branches: null matches both, so 2020-12 and 3.0 reject it",
    { given: { oneOf: [{ type: ["string", "null"] }, { type: "null" }] }, want: { oneOf: [{ type: "string", nullable: true }, NULL_ONLY] } },
  ],
  [
    "oneOf [untyped, null] keeps both branches: the untyped branch accepts null too",
    { given: { oneOf: [{ minLength: 1 }, { type: "null" }] }, want: { oneOf: [{ minLength: 1 }, NULL_ONLY] } },
  ],
  [
    "oneOf [T, null, const null] keeps its branches: null matches two",
    { given: { oneOf: [{ type: "string" }, { type: "null" }, { const: null }] }, want: { oneOf: [{ type: "string" }, NULL_ONLY, { enum: [null] }] } },
  ],
  [
    "anyOf [nullable T, null] → nullable T (anyOf accepts what any branch does)",
    { given: { anyOf: [{ type: ["string", "null"] }, { type: "null" }] }, want: { type: "string", nullable: true } },
  ],
  [
    "several types split into per-type branches, each with its keywords",
    {
      given: { type: ["string", "integer", "null"], minLength: 2, minimum: 3, description: "d" },
      want: {
        description: "d",
        anyOf: [
          { type: "string", minLength: 2, nullable: true },
          { type: "integer", minimum: 3 },
        ],
      },
    },
  ],
  ["type null → nullable carrier accepting only null", { given: { type: "null", description: "d" }, want: { description: "d", ...NULL_ONLY } }],
  ["const → one-value enum", { given: { type: "string", const: "a" }, want: { type: "string", enum: ["a"] } }],
  ["const null → enum [null]", { given: { const: null }, want: { enum: [null] } }],
  ["examples → first example", { given: { type: "integer", examples: [1, 2] }, want: { type: "integer", example: 1 } }],
  [
    "exclusiveMinimum number → minimum + true",
    { given: { type: "number", exclusiveMinimum: 0 }, want: { type: "number", minimum: 0, exclusiveMinimum: true } },
  ],
  [
    "the stricter of two lower bounds is kept",
    {
      given: { type: "number", minimum: 5, exclusiveMinimum: 0, exclusiveMaximum: 9, maximum: 10 },
      want: { type: "number", minimum: 5, maximum: 9, exclusiveMaximum: true },
    },
  ],
  [
    "$ref with siblings → allOf",
    { given: { $ref: "#", description: "parent" }, want: { description: "parent", allOf: [{ $ref: "#/components/schemas/Widget" }] } },
  ],
  [
    "identification keywords and $defs are dropped, keys sorted, properties keep their order",
    {
      given: {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: "x",
        $comment: "c",
        $defs: { A: {} },
        type: "object",
        properties: { z: true, a: { type: "string" } },
        additionalProperties: false,
      },
      want: { additionalProperties: false, properties: { z: {}, a: { type: "string" } }, type: "object" },
    },
  ],
  ["items: true → items: {}", { given: { type: "array", items: true }, want: { type: "array", items: {} } }],
];

describe("toOas30", () => {
  it.each(cases)("%s", (_name, { given, want }) => {
    const got = toOas30(given, "", ctx);
    expect(got).toEqual(want);
    expect(JSON.stringify(got)).toBe(JSON.stringify(sortDeep(want)));
  });

  it("says no value is valid for a const outside the enum next to it, or a null type outside it", () => {
    expect(toOas30({ properties: { a: { enum: ["x"], const: "y" }, b: { type: "null", enum: [1] } } }, "", ctx)).toEqual({
      properties: { a: { not: {} }, b: { not: {}, type: "string" } },
    });
  });
});

/** `want` with keys in code-unit order except under `properties`: the order the emitter promises. */
function sortDeep(value: Json, inProperties = false): Json {
  if (Array.isArray(value)) return value.map((v: Json) => sortDeep(v));
  if (!isObject(value)) return value;
  const keys = inProperties ? Object.keys(value) : Object.keys(value).sort();
  return Object.fromEntries(keys.map((k) => [k, sortDeep(value[k] as Json, !inProperties && k === "properties")]));
}
