import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateSchemas } from "./scenario/project.js";

/**
 * What a contract test relies on: every invalid fixture's expected `{ path, keyword }` is among the
 * errors `validate()` reports. Untagged unions are where that can fail: a mutation breaks one thing
 * in the branch it was made in, and another branch may be as close to the value (a JSON-RPC
 * response with a wrong `id` is one error from the request branch too). Found by running the MCP
 * specification's schemas with an Ajv-oracle harness: 13 invalid cases whose expected error the
 * validators did not report (they gave the first of the closest branches only).
 */
const id = (name: string) => `https://contracts.dev/schemas/${name}.schema.json`;
const rpc = (properties: Record<string, object>) => ({
  type: "object",
  properties: { jsonrpc: { const: "2.0" }, ...properties },
  required: ["jsonrpc", ...Object.keys(properties)],
  additionalProperties: false,
});
const SCHEMAS: Record<string, object> = {
  message: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: id("message"),
    title: "Message",
    anyOf: [
      rpc({ id: { type: ["string", "integer"] }, method: { type: "string" } }),
      rpc({ method: { type: "string" } }),
      rpc({ id: { type: ["string", "integer"] }, result: { type: "object", properties: { _meta: { type: "object" } } } }),
      rpc({
        id: { type: ["string", "integer"] },
        error: { type: "object", properties: { code: { type: "integer" }, message: { type: "string" } }, required: ["code", "message"] },
      }),
    ],
  },
  resource: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: id("resource"),
    title: "Resource",
    type: "object",
    properties: {
      resource: {
        anyOf: [
          { type: "object", properties: { uri: { type: "string" }, text: { type: "string" } }, required: ["uri", "text"] },
          { type: "object", properties: { uri: { type: "string" }, blob: { type: "string", format: "byte" } }, required: ["uri", "blob"] },
        ],
      },
    },
    required: ["resource"],
    additionalProperties: false,
  },
};

interface Case {
  readonly name: string;
  readonly value: unknown;
  readonly expected?: { readonly path: string; readonly keyword: string };
}

let root: string;
let validators: Record<string, Validator<unknown>>;

beforeAll(async () => {
  const files = Object.fromEntries(Object.entries(SCHEMAS).map(([name, value]) => [`schemas/${name}.schema.json`, value]));
  ({ root, validators } = await generateSchemas("contracts-fixtures-agree-", files, ["types", "validators", "fixtures"], {
    targets: { types: true, validators: true, openapi31: false, openapi30: false, fixtures: true, docs: false },
    rules: { "unsafe-patterns": "warn", "closed-objects": "off", "id-required": "error", "unknown-formats": "error" },
  }));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const cases = async (slug: string, kind: "valid" | "invalid"): Promise<Case[]> =>
  JSON.parse(await readFile(path.join(root, `packages/fixtures/generated/${slug}.${kind}.json`), "utf8")) as Case[];

describe.each([
  ["Message", "message"],
  ["Resource", "resource"],
])("%s, an untagged union: the fixtures and validate() agree", (name, slug) => {
  it("every valid case is valid", async () => {
    for (const c of await cases(slug, "valid")) expect([c.name, validators[name]!.validate(c.value).ok]).toEqual([c.name, true]);
  });

  it("every invalid case is invalid, its expected error among those reported", async () => {
    const invalid = await cases(slug, "invalid");
    expect(invalid.length).toBeGreaterThan(5);
    for (const c of invalid) {
      const result = validators[name]!.validate(c.value);
      const reported = result.ok ? [] : result.errors.map((e) => ({ path: e.path, keyword: e.keyword }));
      expect(reported, c.name).toContainEqual(c.expected);
    }
  });
});
