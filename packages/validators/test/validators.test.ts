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

  it.each([
    [null, "null"],
    [undefined, "undefined"],
    [true, "true"],
    [false, "false"],
  ])("gives %s the same frozen result every call, which no caller can change", (value, shown) => {
    const error = { path: "", keyword: "type", message: `value must be object (got ${shown})` };
    for (const v of [validators.ConnectorWithStatus, validators.ConnectorWithStatus.jsonOnly]) {
      // jsonOnly also says that undefined is not JSON data.
      const all =
        v === validators.ConnectorWithStatus || value !== undefined ? [error] : [error, { ...error, message: "value must be JSON data (got undefined)" }];
      const first = v.validate(value) as unknown as { errors: { message: string }[] };
      expect(first).toEqual({ ok: false, errors: all });
      expect(Object.isFrozen(first)).toBe(true);
      // ESM is strict: a write to a frozen result throws, and the next call's result is untouched.
      expect(() => first.errors.push(error)).toThrow(TypeError);
      expect(() => ((first.errors[0] as { message: string }).message = "changed")).toThrow(TypeError);
      expect(v.validate(value)).toEqual({ ok: false, errors: all });
      expect(v.errors(value)).toEqual(all);
      const issues = (v["~standard"].validate(value) as unknown as { issues: { path: unknown[] }[] }).issues;
      const standard = all.map((e) => ({ message: e.message, path: [] }));
      expect(issues).toEqual(standard);
      expect(() => issues[0]?.path.push("x")).toThrow(TypeError);
      expect(v["~standard"].validate(value)).toEqual({ issues: standard });
      expect(() => v.parse(value)).toThrow(error.message);
    }
    // Any other value's result is its own, built for that call.
    const other = validateConnectorWithStatus(42);
    expect(Object.isFrozen(other)).toBe(false);
    expect(validateConnectorWithStatus(42)).not.toBe(other);
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
  /** 64 levels of `{ a: x, b: x }`: 2^64 paths through 64 objects (in-process only: JSON.parse never shares). */
  const shared = (): unknown => {
    let v: unknown = { leaf: true };
    for (let i = 0; i < 64; i++) v = { a: v, b: v };
    return v;
  };
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  // Rejected by the schema itself, so in both modes.
  const hostile: [string, unknown][] = [
    ["undefined", undefined],
    ["a symbol", Symbol("x")],
    ["a bigint", 10n],
    ["a function", () => valid],
    ["a boxed string", new String("x")],
    ["an empty Object.create(null)", Object.create(null)],
    ["an own __proto__ key from JSON.parse", JSON.parse(JSON.stringify(valid).replace("{", '{"__proto__":{"polluted":true},'))],
    ["an inherited required property plus an own extra key", Object.assign(Object.create({ id: "c1" }), without(valid, "id"), { extra: 1 })],
    ["a Date with no properties", new Date(0)],
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
  // What the schema leaves unread (`{}`, open records) or does not constrain (the object's class):
  // accepted as the schema says (Ajv agrees), rejected by the "JSON data only" mode.
  const notJson: [string, unknown][] = [
    ["a class instance", Object.assign(new (class Connector {})(), valid)],
    ["a 100 000-deep object in an open record", { ...valid, configSchema: deep() }],
    ["a function in an open record", { ...valid, configSchema: { f: () => 1 } }],
    ["a Date in an open record", { ...valid, configSchema: { at: new Date(0) } }],
    ["a cycle in an open record", { ...valid, configSchema: cyclic }],
    ["undefined in an open record", { ...valid, server: { ...valid.server, config: { x: undefined } } }],
    ["NaN in an open record", { ...valid, server: { ...valid.server, config: { x: Number.NaN } } }],
    ["a Map in an open record", { ...valid, configSchema: { m: new Map([[1, 2]]) } }],
  ];
  const untouched = (): void => {
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  };
  const rejects = (v: typeof validators.ConnectorWithStatus, value: unknown): void => {
    expect(v.is(value)).toBe(false);
    const result = v.validate(value);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.errors.length).toBeGreaterThan(0);
    expect(v["~standard"].validate(value)).toHaveProperty("issues");
    expect(() => v.parse(value)).toThrow(ContractValidationError);
    untouched();
  };

  it.each(hostile)("rejects %s without throwing or touching prototypes, in both modes", (_, value) => {
    expect(isConnectorWithStatus(value)).toBe(false);
    expect(() => parseConnectorWithStatus(value)).toThrow(ContractValidationError);
    rejects(validators.ConnectorWithStatus, value);
    rejects(validators.ConnectorWithStatus.jsonOnly, value);
  });

  it.each(notJson)("accepts %s as the schema says; jsonOnly rejects it", (_, value) => {
    expect(isConnectorWithStatus(value)).toBe(true);
    expect(validateConnectorWithStatus(value)).toEqual({ ok: true, value });
    untouched();
    rejects(validators.ConnectorWithStatus.jsonOnly, value);
  });

  it("judges an object graph that shares objects in bounded time, in both modes", () => {
    // Walking it as a tree would visit 2^65 nodes; the exact scan visits each object once.
    const value = { ...valid, configSchema: shared() };
    expect(isConnectorWithStatus(value)).toBe(true);
    expect(validators.ConnectorWithStatus.jsonOnly.is(value)).toBe(true);
    expect(validators.ConnectorWithStatus.jsonOnly.validate({ ...value, enabled: 1 })).toEqual({
      ok: false,
      errors: [{ path: "/enabled", keyword: "type", message: "/enabled must be boolean (got 1)" }],
    });
  });

  it("jsonOnly names the problem inside an open record, after the schema's own errors", () => {
    expect(validators.ConnectorWithStatus.jsonOnly.validate({ ...valid, enabled: 1, configSchema: { hooks: [1, () => 1] } })).toEqual({
      ok: false,
      errors: [
        { path: "/enabled", keyword: "type", message: "/enabled must be boolean (got 1)" },
        { path: "/configSchema/hooks/1", keyword: "type", message: "/configSchema/hooks/1 must be JSON data (got a function)" },
      ],
    });
    const deepError = validators.ConnectorWithStatus.jsonOnly.validate({ ...valid, configSchema: deep() });
    expect(
      deepError.ok === false &&
        deepError.errors.map((e) => [e.path, e.keyword, e.message.endsWith("/a/a/a is nested deeper than 1000 levels (got an object)")]),
    ).toEqual([[`/configSchema${"/a".repeat(999)}`, "type", true]]);
  });

  it("jsonOnly is a validator of its own, and its own jsonOnly", () => {
    const strict = validators.ConnectorWithStatus.jsonOnly;
    expect(strict.jsonOnly).toBe(strict);
    expect(strict.is(valid)).toBe(true);
    expect(strict.validate(valid)).toEqual({ ok: true, value: valid });
    expect(strict.errors(valid)).toEqual([]);
    expect(strict["~standard"].validate({ ...valid, configSchema: { d: new Date(0) } })).toEqual({
      issues: [{ message: "/configSchema/d must be a plain JSON object (got a non-plain object (Date))", path: ["configSchema", "d"] }],
    });
  });

  it("judges properties as own properties: an inherited required one does not count", () => {
    const inherited = Object.assign(Object.create({ id: "c1" }), without(valid, "id"));
    expect(isConnectorWithStatus(inherited)).toBe(false);
    expect(validateConnectorWithStatus(inherited)).toEqual({
      ok: false,
      errors: [{ path: "", keyword: "required", message: 'value must have required property "id"' }],
    });
  });
});
