import { assertResponseMatches, contractMatchers } from "@contracts/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedConnectors } from "../src/store.js";
import { start, type Running } from "./start.js";

expect.extend(contractMatchers);

let service: Running;
beforeAll(async () => {
  service = await start();
});
afterAll(() => service?.app.close());

const seed = seedConnectors();

/** An error response: its status, a JSON content-type, and the body. */
async function errorOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("GET /connectors", () => {
  it("lists the seeded connectors (the fixtures' valid cases), each matching the contract", async () => {
    const list = await assertResponseMatches(await fetch(service.url("/connectors")), ["ConnectorWithStatus"], { status: 200 });
    expect(list).toEqual(seed);
    expect(list.map((c) => c.slug)).toEqual(expect.arrayContaining(["acme-connector", "acme-connector-minimal"]));
  });

  it("pages with ?limit and ?cursor, following Link rel=next until the last page", async () => {
    const slugs: string[] = [];
    let next: string | undefined = "/connectors?limit=4";
    const pages: number[] = [];
    while (next !== undefined) {
      const response = await fetch(service.url(next));
      const link = response.headers.get("link");
      const page = await assertResponseMatches(response, ["ConnectorWithStatus"]);
      pages.push(page.length);
      slugs.push(...page.map((c) => c.slug));
      next = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
      if (link !== null) expect(next, link).toBeDefined();
    }
    expect(pages).toEqual([4, seed.length - 4]);
    expect(slugs).toEqual(seed.map((c) => c.slug));
  });

  it("answers a bad limit or cursor with 400 and each error's pointer and message", async () => {
    expect(await errorOf(await fetch(service.url("/connectors?limit=0")))).toEqual({
      status: 400,
      body: { message: "invalid query string", errors: [{ path: "/limit", keyword: "minimum", message: "/limit must be >= 1 (got 0)" }] },
    });
    expect(await errorOf(await fetch(service.url("/connectors?limit=ten&sort=name")))).toEqual({
      status: 400,
      body: {
        message: "invalid query string",
        errors: [
          { path: "", keyword: "additionalProperties", message: 'value must not have unknown property "sort"' },
          { path: "/limit", keyword: "type", message: '/limit must be integer (got "ten")' },
        ],
      },
    });
    expect(await errorOf(await fetch(service.url("/connectors?cursor=bm9wZQ")))).toEqual({
      status: 400,
      body: {
        message: "invalid query string",
        errors: [{ path: "/cursor", keyword: "cursor", message: '/cursor is not a cursor this service issued (got "bm9wZQ")' }],
      },
    });
  });
});

describe("GET /connectors/:slug", () => {
  it("returns the connector", async () => {
    const connector = await assertResponseMatches(await fetch(service.url("/connectors/acme-connector")), "ConnectorWithStatus", { status: 200 });
    expect(connector).toEqual(seed[0]);
  });

  it("answers an unknown slug, and an unknown route, with 404 and a JSON error body", async () => {
    expect(await errorOf(await fetch(service.url("/connectors/nope")))).toEqual({
      status: 404,
      body: { message: 'no connector with slug "nope"', errors: [] },
    });
    expect(await errorOf(await fetch(service.url("/connector")))).toEqual({ status: 404, body: { message: "no route GET /connector", errors: [] } });
  });
});

describe("DELETE /connectors/:slug", () => {
  it("deletes (204, no body), after which the slug is 404; a second delete is 404", async () => {
    const slug = seed.at(-1)!.slug;
    const deleted = await fetch(service.url(`/connectors/${slug}`), { method: "DELETE" });
    expect({ status: deleted.status, body: await deleted.text() }).toEqual({ status: 204, body: "" });
    expect((await fetch(service.url(`/connectors/${slug}`))).status).toBe(404);
    expect(await errorOf(await fetch(service.url(`/connectors/${slug}`), { method: "DELETE" }))).toEqual({
      status: 404,
      body: { message: `no connector with slug ${JSON.stringify(slug)}`, errors: [] },
    });
  });
});
