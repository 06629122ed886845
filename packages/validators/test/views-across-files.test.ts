import { createRequire } from "node:module";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateSchemas } from "./scenario/project.js";

/**
 * The check compiles a bundle: other files' definitions copied under the root's `$defs`, each
 * `$ref` to them rewritten to `#/$defs/Name`. Such a ref must still reach the root where an `$id`
 * changes the base: in a copied view (the write view of a schema with a readOnly property, which
 * had kept its `$id`: found by an exploratory review, the `allOf` base compiled to
 * `(value) => false` and every OrderInput was rejected), and beneath an embedded `$id` of the
 * entity's own file (A's `X`). The oracle is Ajv 2020 on the document `~standard.jsonSchema`
 * returns, and the verdicts the schemas promise.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;

const SCHEMAS = {
  "schemas/pet.schema.json": {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://contracts.dev/schemas/pet.schema.json",
    title: "Pet",
    allOf: [{ $ref: "#/$defs/PetBase" }, { type: "object", properties: { bark: { type: "boolean" } } }],
    $defs: {
      PetBase: {
        type: "object",
        properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } },
        required: ["id", "name"],
      },
    },
  },
  "schemas/order.schema.json": {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://contracts.dev/schemas/order.schema.json",
    title: "Order",
    type: "object",
    properties: { pet: { $ref: "pet.schema.json" } },
    required: ["pet"],
    additionalProperties: false,
  },
  "schemas/a.schema.json": {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://contracts.dev/schemas/a.schema.json",
    title: "A",
    type: "object",
    properties: { x: { $ref: "#/$defs/X" } },
    required: ["x"],
    $defs: {
      X: { $id: "https://contracts.dev/schemas/inner/x.json", type: "object", properties: { b: { $ref: "../b.schema.json" } }, required: ["b"] },
    },
  },
  "schemas/b.schema.json": {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://contracts.dev/schemas/b.schema.json",
    title: "B",
    type: "object",
    properties: { n: { type: "integer" } },
    required: ["n"],
  },
};

let root: string;
let validators: Record<string, Validator<unknown>>;

beforeAll(async () => {
  // Written as the MCP or OpenAPI schemas a team brings are: open objects.
  ({ root, validators } = await generateSchemas("contracts-views-across-files-", SCHEMAS, ["types", "validators"], {
    targets: { types: true, validators: true, openapi31: true, openapi30: true, fixtures: true, docs: true },
    rules: { "unsafe-patterns": "warn", "closed-objects": "off", "id-required": "error", "unknown-formats": "error" },
  }));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const cases: [string, unknown, boolean][] = [
  ["OrderInput", { pet: { name: "Acme" } }, true],
  ["OrderInput", { pet: { name: "Acme", bark: true } }, true],
  ["OrderInput", { pet: { name: "Acme", id: 1 } }, false],
  ["OrderInput", { pet: {} }, false],
  ["OrderInput", { pet: { name: "Acme", bark: "no" } }, false],
  ["Order", { pet: { id: 1, name: "Acme" } }, true],
  ["Order", { pet: { name: "Acme" } }, false],
  ["PetInput", { name: "Acme" }, true],
  ["A", { x: { b: { n: 1 } } }, true],
  ["A", { x: { b: { n: "1" } } }, false],
  ["A", { x: { b: {} } }, false],
];

describe("refs rewritten into the bundle, beneath an $id", () => {
  it.each(cases)("%s %j: %s, as Ajv judges the bundled document", (name, value, valid) => {
    const validator = validators[name];
    expect(validator).toBeDefined();
    expect(validator!.is(value)).toBe(valid);
    expect(validator!.validate(value).ok).toBe(valid);
    const document = validator!["~standard"].jsonSchema.input({ target: "draft-2020-12" });
    expect(new Ajv2020({ strict: false }).compile(document)(value)).toBe(valid);
  });
});
