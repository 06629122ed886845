import { createRequire } from "node:module";
import { Validator as OpenApiValidator } from "@seriousme/openapi-schema-validator";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { toJsonSchema } from "xsschema";
import { describe, expect, it } from "vitest";
import { ConnectorWithStatus, validators, type ConnectorWithStatus as ConnectorWithStatusType } from "../src/index.js";
import { valid, without } from "./samples.js";

/**
 * Standard JSON Schema v1 (`~standard.jsonSchema`, https://standardschema.dev/json-schema): a tool
 * that reads schemas from Standard Schema objects gets ours without glue. The consumer is xsschema
 * (xsAI's schema package), which asks for `input({ target: "draft-07" })`; the outputs are judged
 * by Ajv (draft-07 and 2020-12) and a real OpenAPI 3.0 validator.
 */
const require = createRequire(import.meta.url);
const Ajv07 = require("ajv").default;
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const standard = validators.ConnectorWithStatus["~standard"];
const samples: unknown[] = [
  valid,
  { ...valid, server: null },
  { ...valid, server: { ...valid.server, status: "pending" } },
  { ...valid, createdAt: "2024-13-01T00:00:00Z" },
  without(valid, "name"),
  { ...valid, extra: 1 },
  null,
];

function compile(Ajv: new (o: object) => { compile(s: unknown): (v: unknown) => boolean }, schema: unknown): (v: unknown) => boolean {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

// The spec's own published types (not our copies): a validator is both, as a typecheck proves.
const asPublished: StandardSchemaV1<ConnectorWithStatusType> & StandardJSONSchemaV1<ConnectorWithStatusType> = validators.ConnectorWithStatus;

describe("Standard JSON Schema", () => {
  it("implements the spec's published interfaces", () => {
    expect(asPublished["~standard"].jsonSchema.input({ target: "draft-07" })).toHaveProperty("$schema", "http://json-schema.org/draft-07/schema#");
  });

  it("is read by a real consumer, xsschema, without an adapter", async () => {
    const schema = await toJsonSchema(validators.ConnectorWithStatus);
    expect(schema).toEqual(standard.jsonSchema.input({ target: "draft-07" }));
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("gives the schema as written for draft-2020-12, and equal verdicts for draft-07", () => {
    const latest = standard.jsonSchema.input({ target: "draft-2020-12" });
    expect(latest).toEqual(ConnectorWithStatus);
    expect(latest).not.toBe(ConnectorWithStatus);
    const draft07 = standard.jsonSchema.input({ target: "draft-07" });
    const want = samples.map((v) => validators.ConnectorWithStatus.is(v));
    expect(samples.map(compile(Ajv2020, latest))).toEqual(want);
    expect(samples.map(compile(Ajv07, draft07))).toEqual(want);
    expect(want).toEqual([true, true, false, false, false, false, false]);
  });

  it("gives an OpenAPI 3.0 Schema Object: nullable instead of null types, accepted by an OpenAPI validator", async () => {
    const schema = standard.jsonSchema.output({ target: "openapi-3.0" });
    const properties = schema["properties"] as Record<string, Record<string, unknown>>;
    expect(properties["description"]).toEqual({ type: "string", nullable: true });
    expect(properties["configSchema"]).toEqual({ type: "object", additionalProperties: {}, nullable: true });
    expect((properties["server"] as Record<string, unknown>)["nullable"]).toBe(true);
    expect(JSON.stringify(schema)).not.toMatch(/"null"|\$schema|\$defs/);
    const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { ConnectorWithStatus: schema } } };
    const result = await new OpenApiValidator().validate(document);
    expect(result).toEqual({ valid: true });
  });

  it("returns a fresh copy each time and refuses a target it does not know", () => {
    const a = standard.jsonSchema.input({ target: "draft-2020-12" });
    (a["properties"] as Record<string, unknown>)["id"] = "changed";
    expect(standard.jsonSchema.input({ target: "draft-2020-12" })).toEqual(ConnectorWithStatus);
    expect(() => standard.jsonSchema.input({ target: "draft-04" })).toThrow(
      'unsupported JSON Schema target "draft-04": use "draft-2020-12", "draft-07" or "openapi-3.0"',
    );
    expect(validators.ConnectorWithStatus.jsonOnly["~standard"].jsonSchema.input({ target: "draft-07" })).toEqual(
      standard.jsonSchema.input({ target: "draft-07" }),
    );
  });
});
