import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseSchemaText } from "../src/load/parse.js";
import { buildModel } from "../src/model/build.js";
import { KEYWORD_NAMES, KEYWORDS, keywordSpec } from "../src/model/keywords/index.js";
import { subschemas, walkSchemas } from "../src/model/subschemas.js";
import type { Entity, Json, SchemaNode, TypeNode } from "../src/model/types.js";
import { schemaChildren, walkNodes } from "../src/model/walk.js";
import { visit, type Visitor } from "../src/model/visit.js";
import { unsupportedIn, type Support } from "../src/emit/emitter.js";
import { SUPPORT } from "../src/emit/docs/support.js";
import { schemaId } from "./helpers.js";

const require = createRequire(import.meta.url);
const VOCABULARIES = ["core", "applicator", "unevaluated", "validation", "format-annotation", "meta-data", "content"] as const;
/** The official 2020-12 vocabulary meta-schemas, as Ajv ships them: the oracle for names and positions. */
const meta = (vocabulary: string): { properties: Record<string, Record<string, unknown>> } =>
  require(`ajv/dist/refs/json-schema-2020-12/meta/${vocabulary}.json`) as { properties: Record<string, Record<string, unknown>> };

/** A subschema position as the meta-schema spells it. */
function positionsInMeta(property: Record<string, unknown>): string {
  if (property["$dynamicRef"] === "#meta") return "schema";
  if (property["$ref"] === "#/$defs/schemaArray") return "array";
  const extra = property["additionalProperties"] as Record<string, unknown> | undefined;
  return extra?.["$dynamicRef"] === "#meta" ? "map" : "none";
}

describe("the keyword registry", () => {
  it("holds exactly the keywords of the seven 2020-12 vocabularies, each in its vocabulary, plus the earlier drafts' ones it refuses", () => {
    const official = VOCABULARIES.flatMap((v) => Object.keys(meta(v).properties).map((name) => `${v}:${name}`)).sort();
    const ours = KEYWORD_NAMES.filter((k) => keywordSpec(k)?.vocabulary !== "legacy")
      .map((k) => `${keywordSpec(k)?.vocabulary}:${k}`)
      .sort();
    expect(ours).toEqual(official);
    expect(KEYWORD_NAMES.filter((k) => keywordSpec(k)?.refused !== undefined)).toEqual([
      "definitions",
      "dependencies",
      "additionalItems",
      "$recursiveRef",
      "$recursiveAnchor",
    ]);
  });

  it("declares each keyword's subschema positions as the meta-schema does", () => {
    for (const vocabulary of VOCABULARIES) {
      for (const [name, property] of Object.entries(meta(vocabulary).properties)) {
        expect([name, keywordSpec(name)?.positions]).toEqual([name, positionsInMeta(property)]);
      }
    }
  });

  it("says which instance types a keyword constrains written without type", () => {
    const table: [string, unknown][] = [
      ["minLength", ["string"]],
      ["multipleOf", ["number", "integer"]],
      ["prefixItems", ["array"]],
      ["dependentRequired", ["object"]],
      ["unevaluatedProperties", ["object"]],
      ["allOf", "any"],
      ["enum", "any"],
      ["$ref", "any"],
    ];
    for (const [name, want] of table) expect([name, keywordSpec(name)?.appliesTo]).toEqual([name, want]);
  });

  it("is keyed by each keyword's own name", () => {
    for (const [key, spec] of Object.entries(KEYWORDS)) expect(spec.name).toBe(key);
    expect(keywordSpec("x-docs")).toBeUndefined();
    expect(keywordSpec("toString")).toBeUndefined();
  });
});

describe("the subschema walker", () => {
  const schema: Json = {
    type: "object",
    properties: { $ref: { type: "string" }, enum: { const: { properties: { no: 1 } } } },
    patternProperties: { "^x": true },
    allOf: [{ not: false }],
    if: { required: ["a"] },
    then: { prefixItems: [{}], items: false, contains: {} },
    dependentSchemas: { a: { $defs: { Deep: { minimum: 1 } } } },
    enum: [{ properties: { no: {} } }],
    "x-note": { properties: { no: {} } },
  };

  it("visits every subschema position the registry declares, in document order, and no data", () => {
    const pointers: string[] = [];
    walkSchemas(schema, (_node, pointer) => pointers.push(pointer));
    expect(pointers).toEqual([
      "",
      "/properties/$ref",
      "/properties/enum",
      "/patternProperties/^x",
      "/allOf/0",
      "/allOf/0/not",
      "/if",
      "/then",
      "/then/prefixItems/0",
      "/then/items",
      "/then/contains",
      "/dependentSchemas/a",
      "/dependentSchemas/a/$defs/Deep",
    ]);
  });

  it("names the keyword and key of each direct subschema", () => {
    expect(subschemas({ anyOf: [true, {}], not: {}, properties: { a: {} } }, "/p")).toEqual([
      { keyword: "anyOf", key: 0, pointer: "/p/anyOf/0", schema: true },
      { keyword: "anyOf", key: 1, pointer: "/p/anyOf/1", schema: {} },
      { keyword: "not", pointer: "/p/not", schema: {} },
      { keyword: "properties", key: "a", pointer: "/p/properties/a", schema: {} },
    ]);
  });
});

/**
 * The model of one file, built straight from the parsed source: the model's contract is valid
 * JSON Schema, whatever the project's rules (validate/conventions.ts) refuse on top.
 */
const entityOf = (root: Record<string, unknown>): Entity => {
  const text = JSON.stringify({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId("thing.schema.json"),
    title: "Thing",
    type: "object",
    additionalProperties: false,
    ...root,
  });
  const parsed = parseSchemaText("schemas/thing.schema.json", text);
  if (!parsed.ok) throw new Error("unparsable");
  return buildModel([parsed.source]).entities[0] as Entity;
};

/** The lossless node and its view of property `p`. */
function property(schema: unknown, extra: Record<string, unknown> = {}): SchemaNode {
  const entity = entityOf({ properties: { p: schema }, ...extra });
  const node = entity.nodes.get("/properties/p");
  if (!node) throw new Error("no node");
  return node;
}

const P = "/properties/p";

describe("the lossless node", () => {
  it("keeps every keyword it was written with, normalised, subschemas as nodes", () => {
    const node = property(
      { $ref: "#/$defs/Name", minLength: 2, type: ["string", "null"], enum: ["a", null, { k: [1] }], "x-tag": 1, description: "d" },
      { $defs: { Name: { type: ["string", "null"] } } },
    );
    expect(Object.keys(node.keywords)).toEqual(["$ref", "minLength", "type", "enum", "description"]);
    expect(node.keywords.enum).toEqual(["a", null, { k: [1] }]);
    expect(node.keywords.type).toEqual(["string", "null"]);
    expect(node.extensions).toEqual({ "x-tag": 1 });
    expect(node.schema).toMatchObject({ minLength: 2 });
  });

  it("holds boolean schemas, $anchor and $defs at any depth as nodes", () => {
    const node = property({ $anchor: "here", $defs: { Inner: { $defs: { Deeper: false } } }, allOf: [true, false] });
    expect(node.keywords.$anchor).toBe("here");
    expect(node.keywords.allOf?.map((n) => [n.pointer, n.schema, n.view.kind])).toEqual([
      [`${P}/allOf/0`, true, "unknown"],
      [`${P}/allOf/1`, false, "never"],
    ]);
    const deeper = node.keywords.$defs?.["Inner"]?.keywords.$defs?.["Deeper"];
    expect([deeper?.pointer, deeper?.view.kind]).toEqual([`${P}/$defs/Inner/$defs/Deeper`, "never"]);
    const all: string[] = [];
    walkNodes(node, (n) => all.push(n.pointer));
    expect(all).toEqual([P, `${P}/$defs/Inner`, `${P}/$defs/Inner/$defs/Deeper`, `${P}/allOf/0`, `${P}/allOf/1`]);
    expect(schemaChildren(node).map((n) => n.pointer)).toEqual([`${P}/$defs/Inner`, `${P}/allOf/0`, `${P}/allOf/1`]);
  });

  it("indexes every node of the file by pointer, and the root may be any schema", () => {
    const entity = entityOf({ properties: { a: { items: { type: "string" } } } });
    expect([...entity.nodes.keys()].sort()).toEqual(["", "/additionalProperties", "/properties/a", "/properties/a/items"]);
    expect(entity.node.pointer).toBe("");
    expect(entity.root).toBe(entity.node.view);
  });
});

/** The kind views of new constructs: given → want. */
const views: [string, { given: unknown; want: TypeNode }][] = [
  ["false", { given: false, want: { kind: "never", pointer: P } }],
  [
    "allOf",
    {
      given: { allOf: [{ type: "string" }, { minLength: 1 }] },
      want: {
        kind: "intersection",
        via: "allOf",
        pointer: P,
        members: [
          { kind: "string", pointer: `${P}/allOf/0` },
          {
            kind: "union",
            via: "implicit",
            pointer: `${P}/allOf/1`,
            members: [
              { kind: "null", pointer: `${P}/allOf/1` },
              { kind: "boolean", pointer: `${P}/allOf/1` },
              {
                kind: "object",
                pointer: `${P}/allOf/1`,
                properties: [],
                additionalProperties: { kind: "unknown", pointer: `${P}/allOf/1/additionalProperties` },
                additionalPropertiesUnwritten: true,
              },
              { kind: "array", pointer: `${P}/allOf/1`, items: { kind: "unknown", pointer: `${P}/allOf/1/items` } },
              { kind: "number", pointer: `${P}/allOf/1` },
              { kind: "string", pointer: `${P}/allOf/1`, minLength: 1 },
            ],
          },
        ],
      },
    },
  ],
  [
    "$ref with a sibling, described",
    {
      given: { $ref: "#", maxProperties: 3, description: "d" },
      want: {
        kind: "intersection",
        via: "siblings",
        pointer: P,
        description: "d",
        members: [
          { kind: "ref", pointer: P, ref: "#", target: { file: "schemas/thing.schema.json", pointer: "", name: "Thing" } },
          {
            kind: "union",
            via: "implicit",
            pointer: P,
            members: [
              { kind: "null", pointer: P },
              { kind: "boolean", pointer: P },
              {
                kind: "object",
                pointer: P,
                properties: [],
                additionalProperties: { kind: "unknown", pointer: `${P}/additionalProperties` },
                additionalPropertiesUnwritten: true,
                maxProperties: 3,
              },
              { kind: "array", pointer: P, items: { kind: "unknown", pointer: `${P}/items` } },
              { kind: "number", pointer: P },
              { kind: "string", pointer: P },
            ],
          },
        ],
      },
    },
  ],
  ["not", { given: { not: { type: "null" } }, want: { kind: "not", pointer: P, not: { kind: "null", pointer: `${P}/not` } } }],
  [
    "if/then (else absent)",
    {
      given: { if: { type: "string" }, then: { type: "string", minLength: 1 } },
      want: { kind: "conditional", pointer: P, if: { kind: "string", pointer: `${P}/if` }, then: { kind: "string", pointer: `${P}/then`, minLength: 1 } },
    },
  ],
  [
    "a tuple with contains",
    {
      given: { type: "array", prefixItems: [{ type: "string" }], items: false, contains: { const: 1 }, minContains: 1, maxContains: 2 },
      want: {
        kind: "array",
        pointer: P,
        prefixItems: [{ kind: "string", pointer: `${P}/prefixItems/0` }],
        items: { kind: "never", pointer: `${P}/items` },
        contains: { kind: "const", pointer: `${P}/contains`, value: 1 },
        minContains: 1,
        maxContains: 2,
      },
    },
  ],
  [
    "an object's pattern properties, names, dependencies and bounds",
    {
      given: {
        type: "object",
        patternProperties: { "^x-": { type: "string" } },
        propertyNames: { maxLength: 9 },
        dependentRequired: { a: ["b"] },
        dependentSchemas: { a: { required: ["c"] } },
        unevaluatedProperties: false,
        minProperties: 1,
      },
      want: expectObject(),
    },
  ],
  ["enum of any JSON value", { given: { enum: [{ a: 1 }, [1], "s"] }, want: { kind: "enum", pointer: P, values: [{ a: 1 }, [1], "s"] } }],
];

function expectObject(): TypeNode {
  const implicit = (pointer: string, own: Record<string, unknown>) =>
    ({
      kind: "union",
      via: "implicit",
      pointer,
      members: [
        { kind: "null", pointer },
        { kind: "boolean", pointer },
        {
          kind: "object",
          pointer,
          properties: [],
          additionalProperties: { kind: "unknown", pointer: `${pointer}/additionalProperties` },
          additionalPropertiesUnwritten: true,
          ...own,
        },
        { kind: "array", pointer, items: { kind: "unknown", pointer: `${pointer}/items` } },
        { kind: "number", pointer },
        { kind: "string", pointer },
      ],
    }) as TypeNode;
  const names = implicit(`${P}/propertyNames`, {}) as Extract<TypeNode, { kind: "union" }>;
  return {
    kind: "object",
    pointer: P,
    properties: [],
    additionalProperties: { kind: "unknown", pointer: `${P}/additionalProperties` },
    additionalPropertiesUnwritten: true,
    patternProperties: [{ pattern: "^x-", type: { kind: "string", pointer: `${P}/patternProperties/^x-` } }],
    propertyNames: { ...names, members: names.members.map((m) => (m.kind === "string" ? { ...m, maxLength: 9 } : m)) },
    dependentSchemas: [{ name: "a", type: implicit(`${P}/dependentSchemas/a`, { required: undefined }) }],
    unevaluatedProperties: { kind: "never", pointer: `${P}/unevaluatedProperties` },
    minProperties: 1,
    dependentRequired: { a: ["b"] },
  };
}

describe("the kind view", () => {
  it.each(views)("%s", (_name, { given, want }) => {
    const view = property(given).view;
    // `required` is kept in the lossless node only (the object view lists it per property).
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(want)));
  });
});

describe("visitors and support tables are exhaustive", () => {
  const kindName: Visitor<string> = {
    string: (n) => n.kind,
    number: (n) => n.kind,
    integer: (n) => n.kind,
    boolean: (n) => n.kind,
    null: (n) => n.kind,
    unknown: (n) => n.kind,
    never: (n) => n.kind,
    enum: (n) => `${n.values.length}`,
    const: (n) => n.kind,
    array: (n) => n.items.kind,
    object: (n) => `${n.properties.length}`,
    union: (n) => n.via,
    intersection: (n) => n.via,
    not: (n) => n.not.kind,
    conditional: (n) => n.if.kind,
    ref: (n) => n.target.name,
  };

  it("dispatches a node to its kind's function, and does not compile without every kind", () => {
    expect(visit(property({ not: { type: "null" } }).view, kindName, undefined)).toBe("null");
    // @ts-expect-error -- a visitor that forgot a kind is a compile error
    const partial: Visitor<string> = { ...kindName, conditional: undefined };
    expect(partial).toBeDefined();
  });

  it("refuses, located and once per construct, what a target's table says it cannot express", () => {
    const entity = entityOf({ properties: { p: { type: "array", prefixItems: [{ not: {} }] } } });
    const none: Support = {
      keywords: Object.fromEntries(KEYWORD_NAMES.map((k) => [k, k !== "prefixItems" && k !== "not"])) as unknown as Support["keywords"],
      kinds: { ...SUPPORT.kinds },
      constructs: { ...SUPPORT.constructs },
    };
    const problems = unsupportedIn(entity, [
      { name: "a", support: none },
      { name: "b", support: none },
    ]);
    expect(problems.map((p) => `${p.pointer}: ${p.message}`)).toEqual([
      '/properties/p/prefixItems/0/not: "not" is valid JSON Schema, but the a and b targets cannot express it yet',
      '/properties/p/prefixItems: "prefixItems" is valid JSON Schema, but the a and b targets cannot express it yet',
    ]);
  });
});
