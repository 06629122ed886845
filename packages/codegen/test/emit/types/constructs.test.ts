import { describe, expect, it } from "vitest";
import type { Json } from "../../../src/model/types.js";
import { ajvJudge, compileSamples, typesOf } from "./harness.js";

/**
 * Per construct: the schema (`given`), the declarations the types emitter prints (`want`), and
 * samples judged twice: by Ajv (the reference verdict) and by the real TypeScript compiler.
 * - `valid`: Ajv accepts them, so the type must too (the type is sound);
 * - `rejected`: Ajv rejects them and so does TypeScript (the type says what it can);
 * - `runtimeOnly`: Ajv rejects them, TypeScript cannot tell: the validators' part, named in the JSDoc;
 * - `code`: more TypeScript that must compile against the declarations (narrowing, ...).
 */
interface Case {
  given: Json;
  want: string;
  valid: Json[];
  rejected?: Json[];
  runtimeOnly?: Json[];
  code?: string;
}

const cases: [string, Case][] = [
  [
    "allOf of objects → one merged interface",
    {
      given: {
        type: "object",
        properties: { id: { type: "string" } },
        required: ["id"],
        allOf: [{ properties: { name: { type: "string" } }, required: ["name"] }, { properties: { age: { type: "integer" }, name: { minLength: 1 } } }],
        unevaluatedProperties: false,
      },
      want: `export interface T {
  id: string;
  /**
   * Also checked at runtime (TypeScript cannot say it): \`minLength: 1\`.
   */
  name: string;
  age?: number;
}
`,
      valid: [
        { id: "a", name: "n" },
        { id: "a", name: "n", age: 3 },
      ],
      rejected: [{ id: "a" }, { id: "a", name: 1 }, { id: "a", name: "n", extra: 1 }],
      runtimeOnly: [{ id: "a", name: "" }],
    },
  ],
  [
    "allOf with a $ref → an intersection with the named type",
    {
      given: {
        allOf: [{ $ref: "#/$defs/Base" }, { type: "object", properties: { size: { type: "number" } }, required: ["size"] }],
        $defs: { Base: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
      },
      want: `export type T = Base & {
  size: number;
};

export interface Base {
  id: string;
}
`,
      valid: [{ id: "a", size: 1 }],
      rejected: [{ id: "a" }, { size: 1 }],
    },
  ],
  [
    "prefixItems → tuples; a prefix does not make its items required",
    {
      given: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }] },
      want: "export type T = [] | [string] | [string, number, ...unknown[]];\n",
      valid: [[], ["a"], ["a", 1], ["a", 1, true, null]],
      rejected: [[1], ["a", "b"]],
    },
  ],
  [
    "prefixItems with items: false and minItems → one exact tuple",
    {
      given: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false, minItems: 2 },
      want: `/**
 * Also checked at runtime (TypeScript cannot say it): \`minItems: 2\`.
 */
export type T = [string, number];
`,
      valid: [["a", 1]],
      rejected: [["a"], ["a", 1, 2], [1, "a"]],
    },
  ],
  [
    "prefixItems with a typed rest",
    {
      given: { type: "array", prefixItems: [{ type: "string" }], items: { type: "boolean" }, minItems: 1 },
      want: `/**
 * Also checked at runtime (TypeScript cannot say it): \`minItems: 1\`.
 */
export type T = [string, ...boolean[]];
`,
      valid: [["a"], ["a", true, false]],
      rejected: [[], ["a", 1]],
    },
  ],
  [
    "patternProperties → an index signature covering the declared properties",
    {
      given: {
        type: "object",
        properties: { id: { type: "string" } },
        patternProperties: { "^x-": { type: "number" } },
        additionalProperties: false,
        required: ["id"],
      },
      want: `export interface T {
  id: string;
  /**
   * This interface was referenced by \`T\`'s JSON-Schema definition
   * via the \`patternProperty\` "^x-".
   */
  [k: string]: number | string;
}
`,
      valid: [{ id: "a" }, { id: "a", "x-rate": 2 }],
      rejected: [{}, { id: "a", "x-rate": true }],
      runtimeOnly: [{ id: "a", other: 1 }],
    },
  ],
  [
    "patternProperties on an open object: other names take any value, so the index signature is unknown",
    {
      given: { type: "object", properties: { b: { type: "string" } }, patternProperties: { "^x-": { type: "number" } } },
      want: `/**
 * Also checked at runtime (TypeScript cannot say it): \`patternProperties: {"^x-":{"type":"number"}}\`.
 */
export interface T {
  b?: string;
  [k: string]: unknown;
}
`,
      valid: [{}, { b: "s", "x-a": 1, zz: true }],
      rejected: [{ b: 1 }],
      runtimeOnly: [{ "x-a": "1" }],
    },
  ],
  [
    "additionalProperties schema → an index signature",
    {
      given: { type: "object", additionalProperties: { type: "integer" } },
      want: "export interface T {\n  [k: string]: number;\n}\n",
      valid: [{}, { a: 1 }],
      rejected: [{ a: "1" }],
    },
  ],
  [
    "unevaluatedProperties beside no applicator is additionalProperties",
    {
      given: { type: "object", properties: { a: { type: "string" } }, unevaluatedProperties: { type: "number" } },
      want: "export interface T {\n  a?: string;\n  [k: string]: number | string | undefined;\n}\n",
      valid: [{}, { a: "x", b: 2 }],
      rejected: [{ b: true }],
      runtimeOnly: [{ b: "x" }],
    },
  ],
  [
    "a closed object with no properties → Record<string, never>",
    { given: { type: "object", additionalProperties: false }, want: "export type T = Record<string, never>;\n", valid: [{}], rejected: [{ a: 1 }, "s"] },
  ],
  [
    "const of any JSON value → literal types",
    {
      given: { type: "object", properties: { k: { const: { a: 1, b: [true, null] } }, s: { type: "string", const: "x" } }, additionalProperties: false },
      want: 'export interface T {\n  k?: { a: 1; b: [true, null] };\n  s?: "x";\n}\n',
      valid: [{}, { k: { a: 1, b: [true, null] }, s: "x" }],
      rejected: [{ s: "y" }, { k: { a: 2, b: [true, null] } }, { k: { a: 1, b: [false, null] } }],
    },
  ],
  [
    "enum of any JSON values → a union of literals",
    {
      given: { enum: [1, "a", null, { x: 1 }, [1]] },
      want: 'export type T = 1 | "a" | null | { x: 1 } | [1];\n',
      valid: [1, "a", null, { x: 1 }, [1]],
      rejected: [2, "b", { x: 2 }, [2]],
    },
  ],
  [
    "a discriminated oneOf of three branches → a TS discriminated union",
    {
      given: {
        oneOf: [{ $ref: "#/$defs/Text" }, { $ref: "#/$defs/Image" }, { $ref: "#/$defs/Audio" }],
        $defs: {
          Text: { type: "object", properties: { type: { const: "text" }, text: { type: "string" } }, required: ["type", "text"], additionalProperties: false },
          Image: { type: "object", properties: { type: { const: "image" }, url: { type: "string" } }, required: ["type", "url"], additionalProperties: false },
          Audio: {
            type: "object",
            properties: { type: { const: "audio" }, seconds: { type: "number" } },
            required: ["type", "seconds"],
            additionalProperties: false,
          },
        },
      },
      want: `export type T = Text | Image | Audio;

export interface Text {
  type: "text";
  text: string;
}

export interface Image {
  type: "image";
  url: string;
}

export interface Audio {
  type: "audio";
  seconds: number;
}
`,
      valid: [
        { type: "text", text: "hi" },
        { type: "image", url: "u" },
        { type: "audio", seconds: 2 },
      ],
      rejected: [{ type: "text", url: "u" }, { type: "video" }, { type: "audio", seconds: "2" }],
      code: `export function describe(block: T): string {
  switch (block.type) {
    case "text": return block.text;
    case "image": return block.url;
    case "audio": return String(block.seconds);
    default: { const unreachable: never = block; return unreachable; }
  }
}`,
    },
  ],
  [
    "an inline tagged union beside shared properties still narrows on the tag",
    {
      given: {
        type: "object",
        properties: { kind: { enum: ["a", "b"] } },
        required: ["kind"],
        oneOf: [{ properties: { kind: { const: "a" }, x: { type: "string" } }, required: ["x"] }, { properties: { kind: { const: "b" } } }],
      },
      want: `export type T = {
  kind: "a" | "b";
} & (
  | {
      kind?: "a";
      x: string;
    }
  | {
      kind?: "b";
    }
);
`,
      valid: [{ kind: "a", x: "s" }, { kind: "b" }],
      rejected: [{ kind: "a" }, { kind: "c" }],
      code: 'export function x(v: T): string | undefined { return v.kind === "a" ? v.x : undefined; }',
    },
  ],
  [
    "type arrays of any types → one branch per type, each with its own keywords",
    {
      given: { type: ["array", "object", "null"], items: { type: "string" } },
      want: "export type T = string[] | Record<string, unknown> | null;\n",
      valid: [[], ["a"], {}, { a: 1 }, null],
      rejected: [[1], "s", 1],
    },
  ],
  [
    "type arrays of scalars, bounds in the JSDoc",
    {
      given: { type: ["string", "integer", "boolean"], minLength: 2 },
      want: `/**
 * Also checked at runtime (TypeScript cannot say it): \`minLength: 2\`.
 */
export type T = string | number | boolean;
`,
      valid: ["ab", 1, true],
      rejected: [null, {}],
      runtimeOnly: ["a", 1.5],
    },
  ],
  [
    "boolean schemas: false → never, true → unknown",
    {
      given: { type: "object", properties: { gone: false, anything: true }, additionalProperties: false },
      want: "export interface T {\n  gone?: never;\n  anything?: unknown;\n}\n",
      valid: [{}, { anything: [1] }],
      rejected: [{ gone: 1 }],
    },
  ],
  ["a false schema as a whole → never", { given: false, want: "export type T = never;\n", valid: [], rejected: [1, null, {}] }],
  [
    "$ref with siblings: annotations and bounds on the named type, shaping siblings intersected",
    {
      given: {
        type: "object",
        properties: {
          id: { $ref: "#/$defs/Id", description: "The id.", minLength: 2 },
          owner: { $ref: "#/$defs/Owner", properties: { admin: { type: "boolean" } }, required: ["admin"] },
        },
        additionalProperties: false,
        $defs: { Id: { type: "string" }, Owner: { type: "object", properties: { name: { type: "string" } } } },
      },
      want: `export interface T {
  /**
   * The id.
   *
   * Also checked at runtime (TypeScript cannot say it): \`minLength: 2\`.
   */
  id?: Id;
  owner?: Owner & {
    admin: boolean;
  };
}

export type Id = string;

export interface Owner {
  name?: string;
}
`,
      valid: [{ id: "ab", owner: { name: "n", admin: true } }],
      rejected: [{ id: 1 }, { owner: { name: "n" } }],
      runtimeOnly: [{ id: "a" }],
    },
  ],
  [
    "not: the type stays what the schema is without it; not: {} is never",
    {
      given: { type: "object", properties: { any: { not: { type: "string" } }, word: { type: "string", not: { const: "" } }, none: { not: {} } } },
      want: `export interface T {
  /**
   * Also checked at runtime (TypeScript cannot say it): \`not: {"type":"string"}\`.
   */
  any?: unknown;
  /**
   * Also checked at runtime (TypeScript cannot say it): \`not: {"const":""}\`.
   */
  word?: string;
  /**
   * Also checked at runtime (TypeScript cannot say it): \`not: {}\`.
   */
  none?: never;
}
`,
      valid: [{ any: 1 }, { any: null }, { word: "w" }],
      rejected: [{ word: 1 }, { none: 1 }],
      runtimeOnly: [{ any: "s" }, { word: "" }],
    },
  ],
  [
    "if/then/else, dependentRequired, dependentSchemas, propertyNames → the base type, named in the JSDoc",
    {
      given: {
        type: "object",
        description: "A rule.",
        properties: { a: { type: "string" }, b: { type: "string" } },
        if: { properties: { a: { const: "x" } }, required: ["a"] },
        // oxlint-disable-next-line unicorn/no-thenable -- the JSON Schema keyword, not a promise
        then: { required: ["b"] },
        dependentRequired: { b: ["a"] },
        dependentSchemas: { a: { properties: { b: { maxLength: 3 } } } },
        propertyNames: { maxLength: 1 },
        additionalProperties: false,
      },
      want: `/**
 * A rule.
 *
 * Also checked at runtime (TypeScript cannot say it): \`if: {"properties":{"a":{"const":"x"}},"required":["a"]}\`, \`then: {"required":["b"]}\`, \`dependentRequired: {"b":["a"]}\`, \`dependentSchemas: {"a":{"properties":{"b":{"maxLength":3}}}}\`, \`propertyNames: {"maxLength":1}\`.
 */
export interface T {
  a?: string;
  b?: string;
}
`,
      valid: [{}, { a: "y" }, { a: "x", b: "b" }],
      rejected: [{ a: 1 }, { c: "x" }],
      runtimeOnly: [{ a: "x" }, { b: "b" }, { a: "y", b: "long" }],
    },
  ],
  [
    "contains and item bounds → the array type, named in the JSDoc",
    {
      given: { type: "array", items: { type: "integer" }, contains: { const: 1 }, minContains: 2, maxItems: 3 },
      want: `/**
 * Also checked at runtime (TypeScript cannot say it): \`contains: {"const":1}\`, \`minContains: 2\`, \`maxItems: 3\`.
 */
export type T = number[];
`,
      valid: [
        [1, 1],
        [1, 2, 1],
      ],
      rejected: [["1"], 1],
      runtimeOnly: [[1], [2, 3], [1, 1, 1, 1]],
    },
  ],
  [
    "a string alias with a pattern and numeric bounds",
    {
      given: {
        type: "object",
        properties: { id: { type: "string", pattern: "^usr_[a-z0-9]+$" }, n: { type: "number", exclusiveMinimum: 0, multipleOf: 0.5 } },
        additionalProperties: false,
      },
      want: `export interface T {
  /**
   * Also checked at runtime (TypeScript cannot say it): \`pattern: "^usr_[a-z0-9]+$"\`.
   */
  id?: string;
  /**
   * Also checked at runtime (TypeScript cannot say it): \`exclusiveMinimum: 0\`, \`multipleOf: 0.5\`.
   */
  n?: number;
}
`,
      valid: [{ id: "usr_a1", n: 1.5 }],
      rejected: [{ id: 1 }, { n: "1" }],
      runtimeOnly: [{ id: "x" }, { n: 0 }, { n: 0.3 }],
    },
  ],
];

describe("types: given/want per construct, judged by Ajv and the TypeScript compiler", async () => {
  const printed = new Map<string, string>();
  for (const [name, { given }] of cases) printed.set(name, await typesOf("T", given));
  const compiled = compileSamples(
    Object.fromEntries(
      cases.map(([name, c]) => [
        name,
        {
          declarations: printed.get(name) ?? "",
          name: "T",
          samples: [...c.valid, ...(c.rejected ?? []), ...(c.runtimeOnly ?? [])],
          ...(c.code ? { code: c.code } : {}),
        },
      ]),
    ),
  );

  it.each(cases)("%s", (name, c) => {
    expect(printed.get(name)).toBe(c.want);
    const judge = ajvJudge(c.given);
    for (const v of c.valid) expect(judge(v), `Ajv should accept ${JSON.stringify(v)}`).toBe(true);
    for (const v of [...(c.rejected ?? []), ...(c.runtimeOnly ?? [])]) expect(judge(v), `Ajv should reject ${JSON.stringify(v)}`).toBe(false);
    const { perSample, other } = compiled.get(name) ?? { perSample: [], other: ["not compiled"] };
    expect(other, "declarations and extra code compile").toEqual([]);
    const verdicts = perSample.map((errors) => errors.length === 0);
    const want = [...c.valid.map(() => true), ...(c.rejected ?? []).map(() => false), ...(c.runtimeOnly ?? []).map(() => true)];
    expect(verdicts, JSON.stringify(perSample)).toEqual(want);
  });
});
