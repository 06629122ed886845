import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtures } from "@contracts/fixtures";
import { isConnectorWithStatus } from "@contracts/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyService, type VerifyCase } from "../src/index.js";

/**
 * A small real HTTP service with known faults, for the verifier's own behaviour (the example
 * service in examples/connectors-api is verified, clean and broken, in its own tests):
 * POST /connectors echoes a valid body with 201 and answers an invalid one 400, except an array
 * body, which crashes it (500); GET /connectors/{slug} answers; GET /teapot answers 418.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const document = {
  openapi: "3.1.1",
  info: { title: "toy", version: "1" },
  paths: {
    "/connectors": {
      post: {
        requestBody: json(ref("ConnectorWithStatus")),
        responses: { 201: { description: "made", ...json(ref("ConnectorWithStatus")) }, 400: { description: "bad", ...json(ref("Problem")) } },
      },
    },
    "/connectors/{slug}": {
      get: {
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "one", ...json(ref("ConnectorWithStatus")) } },
      },
    },
    "/teapot": { get: { responses: { 200: { description: "tea", ...json({ type: "array", items: ref("ConnectorWithStatus") }) } } } },
    "/notes": { post: { requestBody: json({ type: "object" }), responses: { 204: { description: "noted" } } } },
  },
  components: {
    schemas: { Problem: { type: "object", properties: { message: { type: "string" } }, required: ["message"], additionalProperties: false } },
  },
};

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, value === undefined ? {} : { "content-type": "application/json" });
        response.end(value === undefined ? undefined : JSON.stringify(value));
      };
      if (request.method === "POST" && request.url === "/connectors") {
        const value: unknown = JSON.parse(body);
        if (Array.isArray(value)) return send(500, { message: "crash" });
        return isConnectorWithStatus(value) ? send(201, value) : send(400, { message: "invalid" });
      }
      if (request.method === "GET" && request.url === "/connectors/acme") return send(200, fixtures.ConnectorWithStatus.valid[0]!.value);
      if (request.url === "/teapot") return send(418, { message: "I'm a teapot" });
      return send(404, { message: "no" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("verifyService", () => {
  it("sends every valid and invalid fixture of a request body and reports each case; a 5xx fails", async () => {
    const seen: VerifyCase[] = [];
    const report = await verifyService({ baseUrl, openapi: document, beforeEach: (c) => void seen.push(c) });
    const post = report.operations[0]!;
    const { valid, invalid } = fixtures.ConnectorWithStatus;
    expect(post).toMatchObject({ operation: "POST /connectors", request: "ConnectorWithStatus", response: "ConnectorWithStatus" });
    expect(post.cases.map((c) => c.name)).toEqual([...valid.map((c) => `valid ${c.name}`), ...invalid.map((c) => `invalid ${c.name}`)]);
    expect(seen.filter((c) => c.operation === "POST /connectors").map((c) => c.body)).toEqual([...valid, ...invalid].map((c) => c.value));
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      {
        operation: "POST /connectors",
        name: "invalid root: array",
        kind: "invalid",
        status: 500,
        ok: false,
        problems: ['expected a 4xx, got 500: {"message":"crash"}'],
      },
      {
        operation: "GET /teapot",
        name: "request",
        kind: "request",
        status: 418,
        ok: false,
        problems: ['expected a 2xx, got 418: {"message":"I\'m a teapot"}', "status 418 is not declared in the document's responses"],
      },
    ]);
  });

  it("skips, saying why, an operation it cannot fill in or that references no contract", async () => {
    const report = await verifyService({ baseUrl, openapi: document });
    expect(report.operations.filter((op) => op.skipped !== undefined).map((op) => `${op.operation}: ${op.skipped}`)).toEqual([
      "GET /connectors/{slug}: no value for the path parameter {slug}: give it in pathParams, or an example in the document",
      "POST /notes: its request body references none of the contracts",
    ]);
    expect(report.text).toContain("GET /connectors/{slug}: skipped, no value for the path parameter {slug}");
  });

  it("fills path parameters from pathParams, and samples invalid cases evenly with maxInvalidCases", async () => {
    const report = await verifyService({ baseUrl, openapi: document, pathParams: { slug: "acme" }, maxInvalidCases: 3 });
    const get = report.operations.find((op) => op.operation === "GET /connectors/{slug}")!;
    expect(get.cases).toEqual([{ operation: "GET /connectors/{slug}", name: "request", kind: "request", status: 200, ok: true, problems: [] }]);
    const { valid, invalid } = fixtures.ConnectorWithStatus;
    const post = report.operations[0]!.cases;
    expect(post).toHaveLength(valid.length + 3);
    const third = Math.floor(invalid.length / 3);
    expect(post.slice(valid.length).map((c) => c.name)).toEqual(
      [invalid[0], invalid[third], invalid[Math.floor((2 * invalid.length) / 3)]].map((c) => `invalid ${c!.name}`),
    );
    expect(report.text.split("\n")[0]).toBe(
      `POST /connectors (body ConnectorWithStatus, returns ConnectorWithStatus): ${valid.length + 3} of ${valid.length + 3} cases ok`,
    );
  });

  it("checks a body against the document's own schema for its status (Ajv, OpenAPI 3.1)", async () => {
    const strict = structuredClone(document);
    strict.components.schemas.Problem.required.push("errors");
    const report = await verifyService({ baseUrl, openapi: strict, maxInvalidCases: 1 });
    expect(report.failures[0]).toEqual({
      operation: "POST /connectors",
      name: "invalid root: null",
      kind: "invalid",
      status: 400,
      ok: false,
      problems: ["the body does not match the document's schema for status 400:", "  (root): must have required property 'errors'"],
    });
  });

  it("fetches the document from a URL relative to baseUrl, and says when it cannot", async () => {
    await expect(verifyService({ baseUrl, openapi: "/openapi.json" })).rejects.toThrow(
      `verifyService: GET ${baseUrl}/openapi.json answered 404; expected the OpenAPI document`,
    );
  });
});
