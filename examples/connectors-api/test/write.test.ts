import { fixtures, makeConnectorWithStatusInput } from "@contracts/fixtures";
import { assertResponseMatches, contractMatchers } from "@contracts/testing";
import type { ConnectorWithStatus } from "@contracts/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Running } from "./start.js";

expect.extend(contractMatchers);

let service: Running;
beforeAll(async () => {
  service = await start();
});
afterAll(() => service?.app.close());

const json = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const post = (body: unknown) => fetch(service.url("/connectors"), json("POST", body));
const patch = (slug: string, body: unknown) => fetch(service.url(`/connectors/${slug}`), json("PATCH", body));

/** A 400: its error list, each error a JSON pointer, keyword and message. */
async function badRequest(response: Response): Promise<{ path: string; keyword: string; message: string }[]> {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
  const body = (await response.json()) as { message: string; errors: { path: string; keyword: string; message: string }[] };
  expect(body.message).toBe("invalid request body");
  return body.errors;
}

describe("POST /connectors", () => {
  it("creates a connector from a ConnectorWithStatusInput: 201 with the read view, id and createdAt assigned by the server", async () => {
    const input = makeConnectorWithStatusInput({ slug: "created-one", name: "Created" });
    expect(input).toMatchContract("ConnectorWithStatusInput");
    const before = Date.now();
    const created = await assertResponseMatches(await post(input), "ConnectorWithStatus", { status: 201 });
    expect(created).toEqual({ ...input, id: expect.stringMatching(/^connector_[0-9a-f]{16}$/), createdAt: expect.any(String) });
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    // Kept: a later read returns it as created.
    expect(await assertResponseMatches(await fetch(service.url("/connectors/created-one")), "ConnectorWithStatus")).toEqual(created);
  });

  it("answers a duplicate slug with 409 and a JSON error body", async () => {
    const input = makeConnectorWithStatusInput({ slug: "twice" });
    expect((await post(input)).status).toBe(201);
    const again = await post(input);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ message: 'a connector with slug "twice" exists already', errors: [] });
  });

  it("refuses a body carrying the server's fields (readOnly), naming /id and /createdAt", async () => {
    const input = makeConnectorWithStatusInput({ slug: "with-id" });
    const errors = await badRequest(await post({ ...input, id: "connector_0000000000000000", createdAt: "2026-01-01T00:00:00Z" }));
    expect(errors.map((e) => e.path)).toEqual(["/id", "/createdAt"]);
    expect(errors[0]!.message).toMatch(/^\/id /);
    expect((await fetch(service.url("/connectors/with-id"))).status).toBe(404);
  });

  it("answers every bad body with 400 and each error's pointer and message: wrong type, unknown key, broken JSON, too large", async () => {
    const input = makeConnectorWithStatusInput({ slug: "bad-bodies" });
    expect(await badRequest(await post({ ...input, enabled: "yes" }))).toEqual([
      { path: "/enabled", keyword: "type", message: '/enabled must be boolean (got "yes")' },
    ]);
    expect(await badRequest(await post({ ...input, colour: "red" }))).toEqual([
      { path: "", keyword: "additionalProperties", message: 'value must not have unknown property "colour"' },
    ]);
    const broken = await badRequest(await post('{"name": '));
    expect(broken).toEqual([{ path: "", keyword: "json", message: expect.stringMatching(/^value is not JSON: /) }]);
    const large = await badRequest(await post({ ...input, description: "x".repeat(1024 * 1024) }));
    expect(large).toEqual([{ path: "", keyword: "maxBytes", message: expect.stringMatching(/^value is larger than the \d+ bytes this service accepts$/) }]);
  });

  it("answers every invalid fixture case of ConnectorWithStatusInput with 400, never 5xx", async () => {
    for (const { name, value } of fixtures.ConnectorWithStatusInput.invalid) {
      const response = await post(value);
      expect(response.status, name).toBe(400);
      await response.body?.cancel();
    }
  });
});

describe("PATCH /connectors/:slug", () => {
  async function created(slug: string): Promise<ConnectorWithStatus> {
    return assertResponseMatches(await post(makeConnectorWithStatusInput({ slug })), "ConnectorWithStatus", { status: 201 });
  }

  it("applies a merge patch and keeps it for later reads; id and createdAt stay", async () => {
    const stored = await created("patched");
    const updated = await assertResponseMatches(await patch("patched", { enabled: false, description: null }), "ConnectorWithStatus", { status: 200 });
    expect(updated).toEqual({ ...stored, enabled: false, description: null });
    expect(await assertResponseMatches(await fetch(service.url("/connectors/patched")), "ConnectorWithStatus")).toEqual(updated);
  });

  it("replaces a nested object whole (RFC 7396 as the patch view says), and renames by slug", async () => {
    const stored = await created("nested");
    const server = { id: "srv_1", status: "connected" as const, config: null };
    const updated = await assertResponseMatches(await patch("nested", { server, slug: "renamed" }), "ConnectorWithStatus");
    expect(updated).toEqual({ ...stored, server, slug: "renamed" });
    expect((await fetch(service.url("/connectors/nested"))).status).toBe(404);
    expect((await fetch(service.url("/connectors/renamed"))).status).toBe(200);
  });

  it("refuses an empty patch, a readOnly property, an unknown key and a wrong type with 400", async () => {
    await created("refused");
    expect((await badRequest(await patch("refused", {}))).map((e) => [e.path, e.keyword])).toEqual([["", "minProperties"]]);
    expect((await badRequest(await patch("refused", { id: "connector_1" }))).map((e) => e.path)).toEqual(["/id"]);
    expect((await badRequest(await patch("refused", { colour: "red" }))).map((e) => e.keyword)).toEqual(["additionalProperties"]);
    expect((await badRequest(await patch("refused", { enabled: 1 }))).map((e) => [e.path, e.keyword])).toEqual([["/enabled", "type"]]);
  });

  it("answers an unknown slug with 404 and a rename onto a taken slug with 409", async () => {
    const missing = await patch("no-such-connector", { enabled: true });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'no connector with slug "no-such-connector"', errors: [] });
    await created("first");
    await created("second");
    expect((await patch("second", { slug: "first" })).status).toBe(409);
  });
});
