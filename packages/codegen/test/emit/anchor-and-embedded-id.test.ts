import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { emitters } from "../../src/emit/index.js";
import { formatProblem, SchemaProblems } from "../../src/errors.js";
import { newAjv2020 } from "../../src/schema/ajv.js";
import { modelFromFiles } from "../../src/core/generate.js";
import type { TypeNode } from "../../src/model/types.js";
import { compileSamples } from "./types/harness.js";
import { generateWith } from "../helpers.js";

const ID = "https://contracts.dev/schemas/order.schema.json";
/**
 * `$ref` by an `$anchor` (`#orderId`), by a relative embedded `$id` (`money.json`, which
 * resolves against the root's `$id`), by an absolute one, and from inside an embedded resource
 * back to the root (`order.schema.json#/$defs/Currency`, against `money.json`'s base). The
 * validators judge such refs in the JSON-Schema-Test-Suite (anchor.json, ref.json: packages/validators).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2
 */
const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: ID,
  title: "Order",
  type: "object",
  properties: {
    id: { $ref: "#orderId" },
    total: { $ref: "money.json" },
    ship: { $ref: "https://contracts.dev/schemas/order/address" },
  },
  required: ["id", "total"],
  additionalProperties: false,
  $defs: {
    OrderId: { $anchor: "orderId", type: "string", pattern: "^ord_[a-z0-9]+$" },
    Money: {
      $id: "money.json",
      type: "object",
      properties: { amount: { type: "integer", minimum: 0 }, currency: { $ref: "order.schema.json#/$defs/Currency" } },
      required: ["amount", "currency"],
      additionalProperties: false,
    },
    Address: {
      $id: "https://contracts.dev/schemas/order/address",
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
    Currency: { enum: ["EUR", "USD"] },
  },
};
const files = [{ file: "schemas/order.schema.json", text: `${JSON.stringify(schema, null, 2)}\n` }];

describe("a $ref to an $anchor and to an embedded $id, through every target", async () => {
  const outputs = await generateWith(emitters, files).catch((e: unknown) => {
    throw new Error((e as SchemaProblems).problems?.map(formatProblem).join("\n") ?? String(e));
  });
  const json = (file: string) => JSON.parse(outputs.get(file) ?? "null") as Record<string, unknown> | null;

  it.each([
    ["/properties/id", "$ref to an $anchor", { pointer: "/$defs/OrderId", name: "OrderId" }],
    ["/properties/total", "$ref to a relative embedded $id", { pointer: "/$defs/Money", name: "Money" }],
    ["/properties/ship", "$ref to an absolute embedded $id", { pointer: "/$defs/Address", name: "Address" }],
    ["/$defs/Money/properties/currency", "$ref resolved against an embedded $id", { pointer: "/$defs/Currency", name: "Currency" }],
  ])("model: %s (%s) → %o", (pointer, _, want) => {
    const entity = modelFromFiles(files).entities[0];
    const view = entity?.nodes.get(pointer)?.view as TypeNode;
    expect(view.kind === "ref" ? { pointer: view.target.pointer, name: view.target.name } : view.kind).toEqual(want);
  });

  it("types: named types, and every valid fixture assignable under tsc", () => {
    const types = outputs.get("packages/types/src/generated/order.ts") ?? "";
    expect(types).toContain("export interface Order {\n  id: OrderId;\n  total: Money;\n  ship?: Address;\n}");
    expect(types).toContain("  currency: Currency;");
    const valid = (json("packages/fixtures/generated/order.valid.json") as unknown as { value: never }[]).map((c) => c.value);
    const { perSample, other } = compileSamples({ order: { declarations: types.replace(/^\/\/.*\n/, ""), name: "Order", samples: valid } }).get("order")!;
    expect({ perSample, other }).toEqual({ perSample: valid.map(() => []), other: [] });
  });

  it("fixtures: Ajv accepts every valid case and rejects every invalid one at its expected keyword", () => {
    const validate = newAjv2020({ allErrors: true, strict: false }).compile(schema);
    const valid = json("packages/fixtures/generated/order.valid.json") as unknown as { name: string; value: unknown }[];
    const invalid = json("packages/fixtures/generated/order.invalid.json") as unknown as { name: string; value: unknown; expected: { keyword: string } }[];
    expect(valid.length).toBeGreaterThan(0);
    for (const c of valid) expect(validate(c.value), c.name).toBe(true);
    expect(invalid.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^total\.currency: /)]));
    for (const c of invalid) {
      expect(validate(c.value), c.name).toBe(false);
      expect(
        validate.errors?.map((e) => e.keyword),
        c.name,
      ).toContain(c.expected.keyword);
    }
  });

  it("OpenAPI 3.1 and 3.0: components referenced by name, both documents valid", async () => {
    for (const file of ["packages/openapi/generated/openapi.json", "packages/openapi/generated/openapi-3.0.json"]) {
      const document = json(file) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
      expect(document.components.schemas["Order"]?.properties, file).toEqual({
        id: { $ref: "#/components/schemas/OrderId" },
        total: { $ref: "#/components/schemas/Money" },
        ship: { $ref: "#/components/schemas/Address" },
      });
      expect(document.components.schemas["Money"]?.properties["currency"], file).toEqual({ $ref: "#/components/schemas/Currency" });
      expect(JSON.stringify(document), file).not.toMatch(/"\$(id|anchor)"/);
      expect((await new Validator().validate(structuredClone(document) as Record<string, unknown>)).errors ?? [], file).toEqual([]);
    }
  });

  it("docs: the fields name their types", () => {
    const page = outputs.get("packages/docs/pages/Order.md") ?? "";
    expect(page).toContain("  id: OrderId;");
    expect(page).toContain("  total: Money;");
    expect(page).toContain("  ship?: Address;");
  });
});

describe("an $anchor or embedded $id declared twice", () => {
  it("is refused at both places: a $ref to it could name either", () => {
    const twice = { ...schema, $defs: { ...schema.$defs, Again: { $anchor: "orderId", type: "string" } } };
    const error = (() => {
      try {
        modelFromFiles([{ file: "schemas/order.schema.json", text: `${JSON.stringify(twice, null, 2)}\n` }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SchemaProblems);
    expect((error as SchemaProblems).problems.map(formatProblem)).toEqual([
      `schemas/order.schema.json:24:7 at /$defs/OrderId/$anchor: ${ID}#orderId is also declared at schemas/order.schema.json#/$defs/Again/$anchor; a $ref to it could name either subschema\n  fix: give each subschema its own "$id" or "$anchor"`,
      `schemas/order.schema.json:66:7 at /$defs/Again/$anchor: ${ID}#orderId is also declared at schemas/order.schema.json#/$defs/OrderId/$anchor; a $ref to it could name either subschema\n  fix: give each subschema its own "$id" or "$anchor"`,
    ]);
  });
});
