import { describe, expect, it } from "vitest";
import {
  assertConnectorWithStatus,
  ConnectorWithStatus,
  ContractValidationError,
  isConnectorWithStatus,
  parseConnectorWithStatus,
  validateConnectorWithStatus,
  validators,
  type ValidationError,
} from "../src/index.js";
import { valid, without } from "./samples.js";

const validSamples: [string, unknown][] = [
  ["full", valid],
  ["every nullable null", { ...valid, description: null, iconUrl: null, oauthScopes: null, configSchema: null, server: null }],
  ["server with null status and config", { ...valid, server: { id: "s", status: null, config: null } }],
  ["each status", { ...valid, server: { ...valid.server, status: "disconnected" } }],
  ["offset date-time", { ...valid, createdAt: "2024-02-29T10:00:00+05:30" }],
  ["leap second", { ...valid, createdAt: "2016-12-31T23:59:60Z" }],
  ["empty open record", { ...valid, configSchema: {} }],
  ["null-prototype record", Object.assign(Object.create(null), valid)],
];

// One row per class of invalid value: the only error expected, exactly.
const invalidSamples: [string, unknown, ValidationError][] = [
  [
    "unknown enum value",
    { ...valid, server: { ...valid.server, status: "pending" } },
    { path: "/server/status", keyword: "enum", message: '/server/status must be one of "error", "connected", "disconnected", null (got "pending")' },
  ],
  ["missing key", without(valid, "name"), { path: "", keyword: "required", message: 'value must have required property "name"' }],
  [
    "missing nested key",
    { ...valid, server: { id: "s", status: "error" } },
    { path: "/server", keyword: "required", message: '/server must have required property "config"' },
  ],
  ["wrong type", { ...valid, enabled: "yes" }, { path: "/enabled", keyword: "type", message: '/enabled must be boolean (got "yes")' }],
  [
    "wrong nested type",
    { ...valid, server: { ...valid.server, id: 5 } },
    { path: "/server/id", keyword: "type", message: "/server/id must be string (got 5)" },
  ],
  [
    "bad date-time",
    { ...valid, createdAt: "2024-13-02T03:04:05Z" },
    { path: "/createdAt", keyword: "format", message: '/createdAt must be an RFC 3339 date-time like "2024-01-31T12:00:00Z" (got "2024-13-02T03:04:05Z")' },
  ],
  [
    "bad uri",
    { ...valid, mcpUrl: "not a uri" },
    { path: "/mcpUrl", keyword: "format", message: '/mcpUrl must be an absolute URI like "https://example.com/path" (got "not a uri")' },
  ],
  [
    "bad nullable uri",
    { ...valid, iconUrl: "a:" },
    { path: "/iconUrl", keyword: "format", message: '/iconUrl must be an absolute URI like "https://example.com/path" (got "a:")' },
  ],
  ["extra key", { ...valid, extra: 1 }, { path: "", keyword: "additionalProperties", message: 'value must not have unknown property "extra"' }],
  [
    "extra nested key",
    { ...valid, server: { ...valid.server, port: 1 } },
    { path: "/server", keyword: "additionalProperties", message: '/server must not have unknown property "port"' },
  ],
  ["wrong nesting", { ...valid, server: [valid.server] }, { path: "/server", keyword: "anyOf", message: "/server must be object or null (got an array)" }],
  ["null where not allowed", { ...valid, name: null }, { path: "/name", keyword: "type", message: "/name must be string (got null)" }],
  ["non-object root: null", null, { path: "", keyword: "type", message: "value must be object (got null)" }],
  ["non-object root: array", [valid], { path: "", keyword: "type", message: "value must be object (got an array)" }],
  ["non-object root: string", "{}", { path: "", keyword: "type", message: 'value must be object (got "{}")' }],
];

describe("ConnectorWithStatus validators", () => {
  it.each(validSamples)("accepts %s by is, validate, parse, assert and ~standard", (_, value) => {
    expect(isConnectorWithStatus(value)).toBe(true);
    expect(validateConnectorWithStatus(value)).toEqual({ ok: true, value });
    expect(parseConnectorWithStatus(value)).toBe(value);
    expect(() => assertConnectorWithStatus(value)).not.toThrow();
    expect(validators.ConnectorWithStatus["~standard"].validate(value)).toEqual({ value });
  });

  it.each(invalidSamples)("rejects %s with the error at the right path", (_, value, error) => {
    expect(isConnectorWithStatus(value)).toBe(false);
    expect(validateConnectorWithStatus(value)).toEqual({ ok: false, errors: [error] });
    let thrown: unknown;
    try {
      parseConnectorWithStatus(value);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContractValidationError);
    expect((thrown as ContractValidationError).errors).toEqual([error]);
    expect((thrown as ContractValidationError).message).toBe(`ConnectorWithStatus is invalid:\n  - ${error.message}`);
    expect(() => assertConnectorWithStatus(value)).toThrow(ContractValidationError);
    const keys = error.path === "" ? [] : error.path.slice(1).split("/");
    expect(validators.ConnectorWithStatus["~standard"].validate(value)).toEqual({ issues: [{ message: error.message, path: keys }] });
  });

  it("reports the object branch of a nullable object, not every anyOf branch", () => {
    const result = validateConnectorWithStatus({ ...valid, server: { id: 1, status: "pending" } });
    expect(result.ok === false && result.errors.map((e) => `${e.keyword} ${e.path}`)).toEqual(["required /server", "type /server/id", "enum /server/status"]);
  });

  it("reports every error at once", () => {
    const result = validateConnectorWithStatus({ ...without(valid, "id"), enabled: 1, createdAt: "now", extra: true });
    expect(result.ok === false && result.errors.map((e) => e.path)).toEqual(["", "/enabled", "/createdAt", ""]);
  });

  it("serves generic callers from the registry, with Standard Schema v1 metadata", () => {
    const entry = validators.ConnectorWithStatus;
    expect(entry.name).toBe("ConnectorWithStatus");
    expect(entry.schema).toBe(ConnectorWithStatus);
    expect(entry["~standard"].version).toBe(1);
    expect(entry["~standard"].vendor).toBe("contracts");
    expect(entry.is(valid)).toBe(true);
    expect(entry.errors(valid)).toEqual([]);
  });
});

describe("hostile input", () => {
  const deep = (): unknown => {
    let v: unknown = {};
    for (let i = 0; i < 100_000; i++) v = { a: v };
    return v;
  };
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile: [string, unknown][] = [
    ["undefined", undefined],
    ["a symbol", Symbol("x")],
    ["a bigint", 10n],
    ["a function", () => valid],
    ["a boxed string", new String("x")],
    ["an empty Object.create(null)", Object.create(null)],
    ["an own __proto__ key from JSON.parse", JSON.parse(JSON.stringify(valid).replace("{", '{"__proto__":{"polluted":true},'))],
    ["an inherited required property plus an own extra key", Object.assign(Object.create({ id: "c1" }), without(valid, "id"), { extra: 1 })],
    ["a class instance", Object.assign(new (class Connector {})(), valid)],
    ["a 100 000-deep object in an open record", { ...valid, configSchema: deep() }],
    ["a function in an open record", { ...valid, configSchema: { f: () => 1 } }],
    ["a Date in an open record", { ...valid, configSchema: { at: new Date(0) } }],
    ["a cycle in an open record", { ...valid, configSchema: cyclic }],
    ["undefined in an open record", { ...valid, server: { ...valid.server, config: { x: undefined } } }],
    ["a 10 MB string at the root", "x".repeat(10_000_000)],
    ["a 10 MB uri", { ...valid, mcpUrl: `https://x.dev/${"a".repeat(10_000_000)}` }],
    ["a 10 MB date-time", { ...valid, createdAt: `2024-01-02T03:04:05.${"1".repeat(10_000_000)}Z` }],
    [
      "a throwing getter",
      Object.defineProperty({ ...valid }, "name", {
        enumerable: true,
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
    ["a revoked proxy", revoked.proxy],
  ];

  it.each(hostile)("rejects %s without throwing or touching prototypes", (_, value) => {
    expect(isConnectorWithStatus(value)).toBe(false);
    const result = validateConnectorWithStatus(value);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.errors.length).toBeGreaterThan(0);
    expect(validators.ConnectorWithStatus["~standard"].validate(value)).toHaveProperty("issues");
    expect(() => parseConnectorWithStatus(value)).toThrow(ContractValidationError);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("names the problem inside an open record", () => {
    expect(validateConnectorWithStatus({ ...valid, configSchema: { hooks: [1, () => 1] } })).toEqual({
      ok: false,
      errors: [{ path: "/configSchema/hooks/1", keyword: "type", message: "/configSchema/hooks/1 must be JSON data (got a function)" }],
    });
  });
});
