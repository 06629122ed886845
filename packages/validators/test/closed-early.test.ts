import { createRequire } from "node:module";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateSchemas } from "./scenario/project.js";

/**
 * A closed object whose properties are not all required is checked by an early refinement
 * (rt.closed) in a first `allOf` member wrapped around the node. A `$ref` that names the node (an
 * `$anchor`, an embedded `$id`, the root's `#` from inside it) must reach that wrapper: it had
 * reached the inner node, so an unknown key passed `is()` there (found by an exploratory test on a
 * payment payload: `card: { $ref: "#card" }`). The oracle is Ajv 2020 on the schema as written.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;

const card = { type: "object", properties: { last4: { type: "string" }, expires: { type: "string" } }, required: ["last4"], additionalProperties: false };
const SCHEMAS: Record<string, Record<string, unknown>> = {
  "schemas/payment.schema.json": {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://contracts.dev/schemas/payment.schema.json",
    title: "Payment",
    type: "object",
    properties: {
      id: { type: "string" },
      card: { $ref: "#card" },
      inner: { $ref: "https://contracts.dev/schemas/inner/card.json" },
      parent: { anyOf: [{ $ref: "#" }, { type: "null" }] },
    },
    required: ["id"],
    additionalProperties: false,
    $defs: {
      Card: { $anchor: "card", ...card },
      Inner: { $id: "https://contracts.dev/schemas/inner/card.json", ...card },
    },
  },
};

let root: string;
let validators: Record<string, Validator<unknown>>;

beforeAll(async () => {
  ({ root, validators } = await generateSchemas("contracts-closed-early-", SCHEMAS, ["types", "validators"]));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const cases: [string, unknown, boolean][] = [
  ["through an $anchor", { id: "p", card: { last4: "4242" } }, true],
  ["through an $anchor", { id: "p", card: { last4: "4242", unknown: 1 } }, false],
  ["through an embedded $id", { id: "p", inner: { last4: "4242", expires: "01/30" } }, true],
  ["through an embedded $id", { id: "p", inner: { last4: "4242", unknown: 1 } }, false],
  ["through the root's #", { id: "p", parent: { id: "q", parent: null } }, true],
  ["through the root's #", { id: "p", parent: { id: "q", unknown: 1 } }, false],
];

describe("a closed object with optional properties, reached by a $ref that names it", () => {
  it.each(cases)("%s, %j: valid %s, as Ajv judges it", (_, value, valid) => {
    const validator = validators["Payment"];
    expect(validator).toBeDefined();
    expect(new Ajv2020({ strict: false }).compile(SCHEMAS["schemas/payment.schema.json"])(value)).toBe(valid);
    expect(validator!.is(value)).toBe(valid);
    expect(validator!.validate(value).ok).toBe(valid);
  });
});
