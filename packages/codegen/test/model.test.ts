import { describe, expect, it } from "vitest";
import { modelFromFiles } from "../src/core/generate.js";
import type { TypeNode } from "../src/model/types.js";
import { firstPropertyType, schemaId } from "./helpers.js";

const entity = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: schemaId("thing.schema.json"),
  title: "Thing",
  type: "object",
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

/** Normalizes `{ properties: { p: schema } }` and returns the node of `p`. */
function node(schema: unknown, extra?: Record<string, unknown>): TypeNode {
  const model = modelFromFiles([{ file: "schemas/thing.schema.json", text: JSON.stringify(entity({ p: schema }, extra)) }]);
  return firstPropertyType(model);
}

const P = "/properties/p";
const cases: [string, { given: unknown; want: TypeNode }][] = [
  ["string with format", { given: { type: "string", format: "uri" }, want: { kind: "string", pointer: P, format: "uri" } }],
  [
    "type array with null",
    {
      given: { type: ["string", "null"], description: "d" },
      want: {
        kind: "union",
        via: "type",
        pointer: P,
        description: "d",
        members: [
          { kind: "string", pointer: P },
          { kind: "null", pointer: P },
        ],
      },
    },
  ],
  ["enum including null", { given: { type: ["string", "null"], enum: ["a", null] }, want: { kind: "enum", pointer: P, values: ["a", null] } }],
  [
    "anyOf object | null, object closed",
    {
      given: { anyOf: [{ type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false }, { type: "null" }] },
      want: {
        kind: "union",
        via: "anyOf",
        pointer: P,
        members: [
          {
            kind: "object",
            pointer: `${P}/anyOf/0`,
            properties: [{ name: "id", required: true, type: { kind: "string", pointer: `${P}/anyOf/0/properties/id` } }],
            additionalProperties: false,
          },
          { kind: "null", pointer: `${P}/anyOf/1` },
        ],
      },
    },
  ],
  [
    "open record",
    {
      given: { type: "object", additionalProperties: {} },
      want: { kind: "object", pointer: P, properties: [], additionalProperties: { kind: "unknown", pointer: `${P}/additionalProperties` } },
    },
  ],
  [
    "array with bounds",
    {
      given: { type: "array", items: { type: "integer", minimum: 0 }, minItems: 1, maxItems: 3 },
      want: { kind: "array", pointer: P, items: { kind: "integer", pointer: `${P}/items`, minimum: 0 }, minItems: 1, maxItems: 3 },
    },
  ],
  ["readOnly annotation", { given: { type: "boolean", readOnly: true }, want: { kind: "boolean", pointer: P, readOnly: true } }],
  ["const", { given: { const: "v1" }, want: { kind: "const", pointer: P, value: "v1" } }],
  ["any value", { given: {}, want: { kind: "unknown", pointer: P } }],
];

describe("model: one node per construct", () => {
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(node(given)).toEqual(want);
  });

  it("names a $defs target by its key and keeps the ref as written", () => {
    const n = node({ $ref: "#/$defs/Point" }, { $defs: { Point: { type: "object", properties: {}, additionalProperties: false } } });
    expect(n).toEqual({ kind: "ref", pointer: P, ref: "#/$defs/Point", target: { file: "schemas/thing.schema.json", pointer: "/$defs/Point", name: "Point" } });
  });

  it("orders entities by title in code-unit order, not locale order", () => {
    const files = ["Za", "ZZ", "Ab"].map((t) => {
      const name = `${t.toLowerCase()}-${t.length}${t}.schema.json`;
      return { file: `schemas/${name}`, text: JSON.stringify({ ...entity({}), title: t, $id: schemaId(name) }) };
    });
    // localeCompare would give Ab, Za, ZZ.
    expect(modelFromFiles(files).entities.map((e) => e.name)).toEqual(["Ab", "ZZ", "Za"]);
  });

  it("reads x-docs, and defaults it when absent", () => {
    const withDocs = modelFromFiles([
      { file: "schemas/thing.schema.json", text: JSON.stringify(entity({}, { "x-docs": { section: "S", group: "G", order: 5 } })) },
    ]);
    expect(withDocs.entities[0]?.docs).toEqual({ section: "S", group: "G", order: 5 });
    const without = modelFromFiles([{ file: "schemas/thing.schema.json", text: JSON.stringify(entity({})) }]);
    expect(without.entities[0]?.docs).toEqual({ section: "Reference", group: "Types", order: 100 });
  });
});
