import { makeConnectorWithStatus } from "@contracts/fixtures";
import type { ConnectorWithStatus } from "@contracts/types";
import { describe, expect, expectTypeOf, it } from "vitest";
import { assertResponseMatches, ResponseMismatchError } from "../src/index.js";

const good = makeConnectorWithStatus();
const json = (body: unknown, status = 200, type = "application/json; charset=utf-8") =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": type } });

async function rejection(promise: Promise<unknown>): Promise<ResponseMismatchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseMismatchError);
  return error as ResponseMismatchError;
}

describe("assertResponseMatches", () => {
  it("returns the body, typed, when status, content-type and body are right", async () => {
    const one = await assertResponseMatches(json(good), "ConnectorWithStatus");
    expectTypeOf(one).toEqualTypeOf<ConnectorWithStatus>();
    expect(one).toEqual(good);
    const list = await assertResponseMatches(json([good], 200, "application/problem+json"), ["ConnectorWithStatus"], { status: 200 });
    expectTypeOf(list).toEqualTypeOf<ConnectorWithStatus[]>();
    expect(list).toEqual([good]);
    expect(await assertResponseMatches(json(good, 201), "ConnectorWithStatus")).toEqual(good);
  });

  it("says which status it expected, and shows the body", async () => {
    const error = await rejection(assertResponseMatches(json({ message: "no" }, 404), "ConnectorWithStatus"));
    expect(error.message).toBe('response: expected a 2xx status, got 404; body: {"message":"no"}');
    expect(error.status).toBe(404);
    expect((await rejection(assertResponseMatches(json(good, 200), "ConnectorWithStatus", { status: 201 }))).message).toMatch(
      /^response: expected status 201, got 200; body: \{"id":/,
    );
  });

  it("wants a JSON content-type and a body that parses", async () => {
    expect((await rejection(assertResponseMatches(json(good, 200, "text/plain"), "ConnectorWithStatus"))).message).toBe(
      'response: expected a JSON content-type, got "text/plain"',
    );
    expect((await rejection(assertResponseMatches(new Response("{}"), "ConnectorWithStatus"))).message).toBe(
      'response: expected a JSON content-type, got "text/plain;charset=UTF-8"',
    );
    expect((await rejection(assertResponseMatches(json("{nope"), "ConnectorWithStatus"))).message).toMatch(/^response: the body is not JSON \(.+\): \{nope$/);
  });

  it("lists every contract error of the body, path: message, one per line", async () => {
    const { createdAt: _, ...noCreatedAt } = good;
    expect((await rejection(assertResponseMatches(json({ ...noCreatedAt, enabled: null }), "ConnectorWithStatus"))).message).toBe(
      [
        "response: expected the body to match ConnectorWithStatus; 2 errors:",
        '  (root): must have required property "createdAt"',
        "  /enabled: must be boolean (got null)",
      ].join("\n"),
    );
    expect((await rejection(assertResponseMatches(json([good, 1]), ["ConnectorWithStatus"]))).message).toBe(
      "response: expected the body to match a list of ConnectorWithStatus; 1 error:\n  /1: must be object (got 1)",
    );
  });

  it("refuses a response whose body was read, and an unknown contract", async () => {
    const used = json(good);
    await used.text();
    await expect(assertResponseMatches(used, "ConnectorWithStatus")).rejects.toThrow("assertResponseMatches: the response body was already read");
    // @ts-expect-error: not a contract name.
    await expect(assertResponseMatches(json(good), "Connector")).rejects.toThrow('assertResponseMatches: "Connector" is not a contract');
  });
});
