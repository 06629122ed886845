// Synthetic entities for the codegen benchmark: realistic shapes (nullable fields, enums, nested
// objects, open records, arrays, bounds, formats, a cross-file $ref, and on every tenth entity a
// discriminated oneOf), deterministic by index.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const BASE = "https://contracts.dev/bench";

/** Shared definitions referenced across files (declared once, imported by the others). */
export function commonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${BASE}/common.schema.json`,
    title: "Common",
    type: "object",
    properties: { id: { type: "string" } },
    required: ["id"],
    additionalProperties: false,
    $defs: {
      Money: {
        type: "object",
        properties: { amount: { type: "integer", minimum: 0 }, currency: { type: "string", pattern: "^[A-Z]{3}$" } },
        required: ["amount", "currency"],
        additionalProperties: false,
      },
    },
  };
}

export function entitySchema(i) {
  const title = `Entity${String(i).padStart(4, "0")}`;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${BASE}/entity-${i}.schema.json`,
    title,
    description: `Synthetic entity number ${i}.`,
    type: "object",
    "x-docs": { section: "Reference", group: `Group ${i % 5}`, order: i },
    properties: {
      id: { type: "string", readOnly: true, description: "Server-assigned id." },
      name: { type: "string", minLength: 1, maxLength: 80 },
      email: { type: ["string", "null"], format: "email" },
      homepage: { type: "string", format: "uri" },
      createdAt: { type: "string", format: "date-time", readOnly: true },
      status: { type: "string", enum: ["draft", "active", "archived"] },
      priority: { type: "integer", minimum: 1, maximum: 5 },
      tags: { type: "array", items: { type: "string" }, maxItems: 10 },
      price: { $ref: "./common.schema.json#/$defs/Money" },
      metadata: { anyOf: [{ type: "object", additionalProperties: {} }, { type: "null" }] },
      owner: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: { type: "string" },
              role: { type: ["string", "null"], enum: ["admin", "member", null] },
              "display-name": { type: "string" },
            },
            required: ["id", "role"],
            additionalProperties: false,
          },
          { type: "null" },
        ],
      },
      kind: { const: `kind-${i}` },
      // A discriminated union on one entity in ten, as an API has a few: fixtures of entities
      // reaching a oneOf are checked by Ajv at generation (where an overlap can be the schema's).
      ...(i % 10 === 0 ? { payment: PAYMENT } : {}),
    },
    required: ["id", "name", "email", "homepage", "createdAt", "status", "price", "metadata", "owner"],
    additionalProperties: false,
  };
}

const PAYMENT = {
  oneOf: [
    {
      type: "object",
      properties: { method: { const: "card" }, last4: { type: "string", pattern: "^[0-9]{4}$", examples: ["4242"] } },
      required: ["method", "last4"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { method: { const: "transfer" }, iban: { type: "string", minLength: 15, maxLength: 34 } },
      required: ["method", "iban"],
      additionalProperties: false,
    },
  ],
};

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes `count` entities (plus the common file) into `<root>/schemas`. */
export async function writeSyntheticProject(root, count) {
  const dir = path.join(root, "schemas");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "common.schema.json"), json(commonSchema()));
  for (let i = 1; i < count; i++) await writeFile(path.join(dir, `entity-${i}.schema.json`), json(entitySchema(i)));
}

/** Changes one schema's text (a description): entity `i`, or the common schema for 0. */
export async function touchEntity(root, i, revision) {
  if (i === 0) {
    const schema = commonSchema();
    schema.description = `Revision ${revision}.`;
    await writeFile(path.join(root, "schemas", "common.schema.json"), json(schema));
    return;
  }
  const schema = entitySchema(i);
  schema.properties.name.description = `Revision ${revision}.`;
  await writeFile(path.join(root, "schemas", `entity-${i}.schema.json`), json(schema));
}
