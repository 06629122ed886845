import { fixtures } from "@contracts/fixtures";
import { openapi31 } from "@contracts/openapi";
import { verifyService, type VerifyCase } from "@contracts/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Running } from "./start.js";

let service: Running;
beforeAll(async () => {
  service = await start();
});
afterAll(() => service?.app.close());

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (a real validator, zero errors)", async () => {
    const response = await fetch(service.url("/openapi.json"));
    expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
    const validator = new Validator();
    const result = await validator.validate((await response.json()) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("holds the shared components as @contracts/openapi ships them, and its paths reference them", async () => {
    const document = (await (await fetch(service.url("/openapi.json"))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [name, schema] of Object.entries(openapi31.components.schemas)) expect(document.components.schemas[name], name).toEqual(schema);
    expect(Object.keys(document.components.schemas).filter((n) => !(n in openapi31.components.schemas))).toEqual(["ErrorBody"]);
    const ok = (path: string, method: string) => document.paths[path]?.[method]?.responses["200"]?.content?.["application/json"]?.schema;
    expect(ok("/connectors", "get")).toEqual({ type: "array", items: { $ref: "#/components/schemas/ConnectorWithStatus" } });
    expect(ok("/connectors/{slug}", "get")).toEqual({ $ref: "#/components/schemas/ConnectorWithStatus" });
    // No inline copy of a contract anywhere in the paths: every use is a $ref.
    expect(JSON.stringify(document.paths)).not.toContain('"properties"');
  });
});

describe("verifyService, from the served document", () => {
  /**
   * The state each case needs (Dredd's hooks): the fixtures' valid create bodies share one slug,
   * so before each is sent the connector under it is deleted (a 201, not a 409, is what a valid
   * body must get on a fresh slug; the 409 has its own test).
   */
  const fresh = async (c: VerifyCase) => {
    if (c.method === "POST" && c.kind === "valid") await fetch(new URL(`/connectors/${(c.body as { slug: string }).slug}`, c.url), { method: "DELETE" });
  };

  it("finds every operation keeping the contract, reads and writes", async () => {
    const report = await verifyService({ baseUrl: service.baseUrl, openapi: "/openapi.json", beforeEach: fresh });
    expect(report.failures, report.text).toEqual([]);
    expect(report.ok).toBe(true);
    // Every valid fixture case and every invalid one, each answered as the contract says.
    const { ConnectorWithStatusInput: input, ConnectorWithStatusPatch: patch } = fixtures;
    expect(report.operations.map((op) => [op.operation, op.skipped === undefined ? op.cases.length : op.skipped])).toEqual([
      ["GET /connectors", 1],
      ["POST /connectors", input.valid.length + input.invalid.length],
      ["GET /connectors/{slug}", 1],
      ["PATCH /connectors/{slug}", patch.valid.length + patch.invalid.length],
      ["DELETE /connectors/{slug}", "neither its request body nor a 2xx response references a contract"],
    ]);
    expect(report.text.split("\n").filter((line) => !line.startsWith("  "))).toEqual([
      "GET /connectors (returns ConnectorWithStatus[]): 1 of 1 cases ok",
      `POST /connectors (body ConnectorWithStatusInput, returns ConnectorWithStatus): ${input.valid.length + input.invalid.length} of ${input.valid.length + input.invalid.length} cases ok`,
      "GET /connectors/{slug} (returns ConnectorWithStatus): 1 of 1 cases ok",
      `PATCH /connectors/{slug} (body ConnectorWithStatusPatch, returns ConnectorWithStatus): ${patch.valid.length + patch.invalid.length} of ${patch.valid.length + patch.invalid.length} cases ok`,
      "DELETE /connectors/{slug}: skipped, neither its request body nor a 2xx response references a contract",
    ]);
    expect(report.text).toContain("  ok   invalid id: readOnly, sent -> 400");
    expect(report.text).toContain("  ok   invalid root: too few properties (minProperties 1) -> 400");
  });

  it("catches a broken handler: a body missing a required field", async () => {
    // The real service with one deliberate bug: every connector it sends has lost its createdAt.
    const broken = await start({}, (app) =>
      app.addHook("preSerialization", async (_request, _reply, payload: unknown) => {
        const strip = (c: unknown) => {
          if (typeof c === "object" && c !== null && "createdAt" in c) delete (c as { createdAt?: unknown }).createdAt;
        };
        if (Array.isArray(payload)) payload.forEach(strip);
        else strip(payload);
        return payload;
      }),
    );
    try {
      const report = await verifyService({ baseUrl: broken.baseUrl, openapi: "/openapi.json", beforeEach: fresh });
      expect(report.ok).toBe(false);
      // Every 2xx body breaks the contract (the invalid cases still get their 400s).
      expect(report.failures.map((f) => [f.operation, f.name, f.status])).toEqual([
        ["GET /connectors", "request", 200],
        ...fixtures.ConnectorWithStatusInput.valid.map((c) => ["POST /connectors", `valid ${c.name}`, 201]),
        ["GET /connectors/{slug}", "request", 200],
        ...fixtures.ConnectorWithStatusPatch.valid.map((c) => ["PATCH /connectors/{slug}", `valid ${c.name}`, 200]),
      ]);
      expect(report.failures.find((f) => f.operation === "GET /connectors/{slug}")!.problems).toEqual([
        "the body does not match ConnectorWithStatus:",
        '  (root): must have required property "createdAt"',
      ]);
      expect(report.failures[0]!.problems[0]).toBe("the body does not match a list of ConnectorWithStatus:");
      expect(report.failures[0]!.problems).toContain('  /0: must have required property "createdAt"');
    } finally {
      await broken.app.close();
    }
  });
});
