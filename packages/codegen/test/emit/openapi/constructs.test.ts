// oxlint-disable unicorn/no-thenable -- the schemas here use JSON Schema's "then" keyword; nothing is awaited
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { componentMembers, componentsModule } from "../../../src/emit/openapi/types.js";
import type { Json } from "../../../src/model/types.js";
import { compileSamples } from "../types/harness.js";
import { convert, documentErrors, judges } from "./harness.js";

/**
 * Per construct: the 2020-12 schema (`given`), component `T` of the 3.0 document (`want30`; 3.1
 * carries the schema as written), and samples on which both documents must judge as the schema
 * does (Ajv 2020 on the schema, on the 3.1 document, Ajv draft 4 with `nullable` on the 3.0 one).
 * Both documents must be valid under a real OpenAPI validator.
 */
const cases: [string, { given: Json; want30: Json; samples: Json[] }][] = [
  [
    "allOf stays allOf",
    {
      given: { allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { properties: { b: { type: "integer" } } }] },
      want30: { allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { properties: { b: { type: "integer" } } }] },
      samples: [{ a: "x" }, { a: "x", b: 1 }, { b: 1 }, { a: "x", b: "1" }, "s"],
    },
  ],
  ["not stays not", { given: { not: { type: "string" } }, want30: { not: { type: "string" } }, samples: ["s", 1, null, {}] }],
  [
    "a discriminated oneOf of three $refs → oneOf + discriminator with mapping",
    {
      given: {
        oneOf: [{ $ref: "#/$defs/Text" }, { $ref: "#/$defs/Image" }, { $ref: "#/$defs/Audio" }],
        $defs: {
          Text: { type: "object", properties: { type: { const: "text" }, text: { type: "string" } }, required: ["type", "text"], additionalProperties: false },
          Image: { type: "object", properties: { type: { const: "image" }, url: { type: "string" } }, required: ["type", "url"], additionalProperties: false },
          Audio: {
            type: "object",
            properties: { type: { enum: ["audio"] }, seconds: { type: "number" } },
            required: ["type", "seconds"],
            additionalProperties: false,
          },
        },
      },
      want30: {
        discriminator: {
          mapping: { audio: "#/components/schemas/Audio", image: "#/components/schemas/Image", text: "#/components/schemas/Text" },
          propertyName: "type",
        },
        oneOf: [{ $ref: "#/components/schemas/Text" }, { $ref: "#/components/schemas/Image" }, { $ref: "#/components/schemas/Audio" }],
      },
      samples: [{ type: "text", text: "t" }, { type: "image", url: "u" }, { type: "audio", seconds: 1 }, { type: "text", url: "u" }, { type: "video" }, {}],
    },
  ],
  [
    "a oneOf of $refs without a shared single-value tag gets no discriminator",
    {
      given: { oneOf: [{ $ref: "#/$defs/A" }, { $ref: "#/$defs/B" }], $defs: { A: { type: "string" }, B: { type: "integer" } } },
      want30: { oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] },
      samples: ["a", 1, 1.5, null],
    },
  ],
  [
    "const of any JSON → a one-value enum",
    { given: { const: { a: [1, null] } }, want30: { enum: [{ a: [1, null] }] }, samples: [{ a: [1, null] }, { a: [1] }, null] },
  ],
  [
    "type arrays of any types → nullable and anyOf, each branch with its own keywords",
    {
      given: { type: ["array", "object", "null"], items: { type: "string" }, minProperties: 1 },
      want30: {
        anyOf: [
          { items: { type: "string" }, nullable: true, type: "array" },
          { minProperties: 1, type: "object" },
        ],
      },
      samples: [[], ["a"], [1], { a: 1 }, {}, null, "s"],
    },
  ],
  [
    "boolean schemas: true → {}, false → not {}",
    {
      given: { type: "object", properties: { gone: false, any: true }, additionalProperties: false },
      want30: { additionalProperties: false, properties: { any: {}, gone: { not: {} } }, type: "object" },
      samples: [{}, { any: [1] }, { gone: 1 }, { other: 1 }],
    },
  ],
  [
    "items: false → items: not {} (only the empty array)",
    { given: { type: "array", items: false }, want30: { items: { not: {} }, type: "array" }, samples: [[], [1]] },
  ],
  [
    "if/then/else → anyOf of the two cases",
    {
      given: { if: { type: "string" }, then: { minLength: 2 }, else: { type: "integer" } },
      want30: { anyOf: [{ allOf: [{ type: "string" }, { minLength: 2 }] }, { allOf: [{ not: { type: "string" } }, { type: "integer" }] }] },
      samples: ["ab", "a", 1, 1.5, null],
    },
  ],
  [
    "if/then alone → anyOf [not if, then]",
    {
      given: { type: "object", if: { required: ["a"] }, then: { required: ["b"] } },
      want30: { anyOf: [{ not: { required: ["a"] } }, { required: ["b"] }], type: "object" },
      samples: [{}, { a: 1 }, { a: 1, b: 1 }, { b: 1 }],
    },
  ],
  [
    "dependentRequired and dependentSchemas → anyOf [absent, the dependency]; non-objects stay valid",
    {
      given: { dependentRequired: { card: ["address"] }, dependentSchemas: { vip: { properties: { level: { type: "integer" } }, required: ["level"] } } },
      want30: {
        allOf: [
          { anyOf: [{ not: { required: ["card"], type: "object" } }, { required: ["address"] }] },
          { anyOf: [{ not: { required: ["vip"], type: "object" } }, { properties: { level: { type: "integer" } }, required: ["level"] }] },
        ],
      },
      samples: [{}, { card: 1 }, { card: 1, address: "a" }, { vip: true }, { vip: true, level: 1 }, { vip: true, level: "1" }, "s", 3],
    },
  ],
  [
    "unevaluatedProperties beside no applicator → additionalProperties",
    {
      given: { type: "object", properties: { a: { type: "string" } }, unevaluatedProperties: false },
      want30: { additionalProperties: false, properties: { a: { type: "string" } }, type: "object" },
      samples: [{}, { a: "x" }, { b: 1 }],
    },
  ],
  [
    "unevaluatedItems beside no applicator → items",
    {
      given: { type: "array", unevaluatedItems: { type: "integer" } },
      want30: { items: { type: "integer" }, type: "array" },
      samples: [[], [1], ["a"]],
    },
  ],
  [
    "$ref with siblings → allOf [ref, siblings]",
    {
      given: { $ref: "#/$defs/Id", minLength: 3, $defs: { Id: { type: "string", pattern: "^u" } } },
      want30: { allOf: [{ $ref: "#/components/schemas/Id" }], minLength: 3 },
      samples: ["usr", "us", "xyz", 1],
    },
  ],
  [
    "$anchor, $comment and content annotations are dropped",
    {
      given: { $anchor: "here", $comment: "c", type: "string", contentMediaType: "text/plain", minLength: 1 },
      want30: { minLength: 1, type: "string" },
      samples: ["a", "", 1],
    },
  ],
  [
    "numeric and string bounds carry over (exclusive bounds as booleans)",
    {
      given: { type: "number", exclusiveMinimum: 0, maximum: 10, multipleOf: 0.5 },
      want30: { exclusiveMinimum: true, maximum: 10, minimum: 0, multipleOf: 0.5, type: "number" },
      samples: [0, 0.5, 10, 10.5, 3.3, "1"],
    },
  ],
  [
    "contains that every item passes counts items: minContains/maxContains → minItems/maxItems",
    {
      given: { type: "array", contains: {}, minContains: 2, maxContains: 3 },
      want30: { maxItems: 3, minItems: 2, type: "array" },
      samples: [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]],
    },
  ],
  [
    "propertyNames: false → maxProperties: 0; patternProperties of {} beside no additionalProperties → nothing",
    {
      given: { type: "object", properties: { o: { type: "object", propertyNames: false } }, patternProperties: { "^x": {} } },
      want30: { properties: { o: { maxProperties: 0, type: "object" } }, type: "object" },
      samples: [{}, { o: {} }, { o: { a: 1 } }, { x: 1 }],
    },
  ],
  [
    "minProperties, maxProperties, uniqueItems carry over",
    {
      given: { type: "object", minProperties: 1, maxProperties: 2, additionalProperties: { type: "array", uniqueItems: true } },
      want30: { additionalProperties: { type: "array", uniqueItems: true }, maxProperties: 2, minProperties: 1, type: "object" },
      samples: [{}, { a: [] }, { a: [1, 1] }, { a: [], b: [], c: [] }],
    },
  ],
];

describe("OpenAPI: given/want per construct, verdicts equal to the schema's", () => {
  // One validator (it compiles the OpenAPI meta-schemas once), used by one test at a time.
  const validator = new Validator();
  it.each(cases)("%s", async (_name, { given, want30, samples }) => {
    const converted = convert(given);
    expect(converted.problems).toEqual([]);
    expect((converted.oas30.components as { schemas: Record<string, Json> }).schemas["T"]).toEqual(want30);
    expect(await documentErrors(converted.oas31, validator)).toEqual([]);
    expect(await documentErrors(converted.oas30, validator)).toEqual([]);
    const judge = judges(given, converted);
    const verdicts = samples.map((v) => judge.source(v));
    expect(new Set(verdicts), "the samples hold valid and invalid values").toEqual(new Set([true, false]));
    expect(
      samples.map((v) => judge.oas31(v)),
      "3.1",
    ).toEqual(verdicts);
    expect(
      samples.map((v) => judge.oas30(v)),
      "3.0",
    ).toEqual(verdicts);
  });
});

describe("openapi-typescript's types of the 3.1 document", () => {
  const compiled = compileSamples(
    Object.fromEntries(
      cases.map(([name, { given, samples }]) => {
        const schemas = (convert(given).oas31.components as { schemas: Record<string, Json> }).schemas;
        const members = componentMembers(schemas);
        const module = componentsModule(Object.keys(members).map((k) => members[k] as string));
        const judge = judges(given, convert(given)).source;
        return [name, { declarations: module, name: 'components["schemas"]["T"]', samples: samples.filter((v) => judge(v)) }];
      }),
    ),
  );
  it.each(cases)("compile and take every valid sample: %s", (name) => {
    const { perSample, other } = compiled.get(name) ?? { perSample: [], other: ["not compiled"] };
    expect(other).toEqual([]);
    expect(perSample.flat()).toEqual([]);
  });
});

/** Constructs 3.0 cannot say: each a problem at its own pointer; 3.1 carries them as written. */
const refused: [string, { given: Json; problems: string[] }][] = [
  [
    "prefixItems",
    {
      given: { type: "array", prefixItems: [{ type: "string" }] },
      problems: ["/prefixItems: a tuple (`prefixItems`): 3.0 `items` is one schema for every item"],
    },
  ],
  [
    "patternProperties (nested)",
    {
      given: { type: "object", properties: { tags: { type: "object", patternProperties: { "^x-": { type: "string" } } } } },
      problems: ["/properties/tags/patternProperties: `patternProperties`: 3.0 has no keyword that constrains properties by name pattern"],
    },
  ],
  [
    "propertyNames",
    { given: { type: "object", propertyNames: { maxLength: 3 } }, problems: ["/propertyNames: `propertyNames`: 3.0 cannot constrain property names"] },
  ],
  [
    "contains with minContains",
    { given: { type: "array", contains: { const: 1 }, minContains: 2 }, problems: ["/contains: `contains`: 3.0 cannot require some item to match a schema"] },
  ],
  [
    "unevaluatedProperties beside allOf",
    {
      given: { allOf: [{ properties: { a: {} } }], unevaluatedProperties: false },
      problems: ["/unevaluatedProperties: `unevaluatedProperties` beside applicators: 3.0 has no notion of evaluated properties"],
    },
  ],
];

describe("OpenAPI 3.0: constructs it cannot say are located problems", () => {
  const validator = new Validator();
  it.each(refused)("%s", async (_name, { given, problems }) => {
    const converted = convert(given);
    expect(converted.problems).toEqual(problems);
    expect(await documentErrors(converted.oas31, validator)).toEqual([]);
  });
});
