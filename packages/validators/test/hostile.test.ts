import { describe, expect, it } from "vitest";
import { ConnectorWithStatusValidator, isConnectorWithStatus, parseConnectorWithStatus, validateConnectorWithStatus, validators } from "../src/index.js";
import { MAX_KEYS } from "../src/runtime/index.js";
import { valid, without } from "./samples.js";

/**
 * Issue 20's hostile values, each as the reporter found it: what an attacker (or someone else's
 * code in the process) can do to a value or to the realm, and what every entry point must say.
 */
const entryPoints = (v: unknown) => ({
  is: isConnectorWithStatus(v),
  validate: validateConnectorWithStatus(v).ok,
  parse: (() => {
    try {
      parseConnectorWithStatus(v);
      return true;
    } catch {
      return false;
    }
  })(),
  standard: !("issues" in (ConnectorWithStatusValidator["~standard"].validate(v) as object)),
  registry: validators.ConnectorWithStatus.is(v),
});
const rejectedEverywhere = { is: false, validate: false, parse: false, standard: false, registry: false };

describe("hostile values", () => {
  it("a polluted Object.prototype does not stand in for a missing required property", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["server"] = (valid as Record<string, unknown>)["server"];
    try {
      // Missing `server`, and an unknown key to make the own-property count come out right.
      const value = { ...without(valid, "server"), extra: 1 };
      expect(entryPoints(value)).toEqual(rejectedEverywhere);
      expect(entryPoints({ ...without(valid, "server") })).toEqual(rejectedEverywhere);
      const result = validateConnectorWithStatus(value);
      expect(result.ok ? [] : result.errors.map((e) => `${e.path} ${e.keyword}`)).toEqual([" required", " additionalProperties"]);
      // A value that has its own `server` is still valid.
      expect(entryPoints(valid).is).toBe(true);
    } finally {
      delete proto["server"];
    }
  });

  it("a required name every object inherits (toString) must still be the value's own", async () => {
    // The canonical schema has none; the refinement is what TypeBox's check calls for it.
    const { ownProperties } = await import("../src/runtime/refine.js");
    const own = ownProperties(["toString", "a"]);
    expect(own.check({ a: 1, extra: 2 })).toBe(false);
    expect(own.check({ a: 1, toString: "x" })).toBe(true);
    expect(own.check(Object.assign(Object.create(null), { a: 1 }))).toBe(true); // inherits nothing
  });

  it("a shared (non-cyclic) object graph 40 levels deep is judged in bounded time, in both modes", () => {
    let node: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) node = { a: node, b: node }; // 2^40 paths, 41 objects
    const value = { ...valid, configSchema: node, server: { ...(valid as { server: object }).server, config: node } };
    expect(entryPoints(value)).toEqual({ is: true, validate: true, parse: true, standard: true, registry: true });
    expect(ConnectorWithStatusValidator.jsonOnly.is(value)).toBe(true);
    expect(ConnectorWithStatusValidator.jsonOnly.validate(value).ok).toBe(true);
  });

  it("an object past the key budget: one maxKeys error from every entry point, where its keys are read", () => {
    const keys = (n: number, into: Record<string, unknown> = {}) => {
      for (let i = 0; i < n; i++) into[`k${i}`] = i;
      return into;
    };
    const budget = "must have at most 10,000 properties (the validators' key budget) (got an object)";
    // The closed root: its unknown keys are reported one by one up to the budget, then not read.
    const root = keys(MAX_KEYS + 1, { ...valid });
    expect(entryPoints(root)).toEqual(rejectedEverywhere);
    for (const v of [ConnectorWithStatusValidator, ConnectorWithStatusValidator.jsonOnly]) {
      expect(v.validate(root)).toEqual({ ok: false, errors: [{ path: "", keyword: "maxKeys", message: `value ${budget}` }] });
      expect(v["~standard"].validate(root)).toEqual({ issues: [{ message: `value ${budget}`, path: [] }] });
    }
    const under = validateConnectorWithStatus(keys(MAX_KEYS - 11, { ...valid }));
    expect(under.ok ? [] : under.errors.length).toBe(100); // MAX_ERRORS unknown keys, no budget error
    // An open record is not read in the default mode, whatever its size; jsonOnly reads it.
    const server = (valid as { server: object }).server;
    const open = { ...valid, server: { ...server, config: keys(MAX_KEYS + 1) } };
    expect(entryPoints(open)).toEqual({ is: true, validate: true, parse: true, standard: true, registry: true });
    expect(ConnectorWithStatusValidator.jsonOnly.is(open)).toBe(false);
    expect(ConnectorWithStatusValidator.jsonOnly.validate(open)).toEqual({
      ok: false,
      errors: [{ path: "/server/config", keyword: "maxKeys", message: `/server/config ${budget}` }],
    });
    expect(() => ConnectorWithStatusValidator.jsonOnly.parse(open)).toThrow(`/server/config ${budget}`);
    expect(ConnectorWithStatusValidator.jsonOnly.is({ ...valid, server: { ...server, config: keys(MAX_KEYS) } })).toBe(true);
  });

  it("parse returns its input, once checked: a getter is read by the check, not again", () => {
    let reads = 0;
    const value = { ...valid } as Record<string, unknown>;
    Object.defineProperty(value, "name", { enumerable: true, get: () => (reads++ === 0 ? "GitHub" : 5) });
    const parsed = parseConnectorWithStatus(value);
    // Documented: parse hands back the value it was given (no copy), as the README says.
    expect(parsed).toBe(value);
    expect(reads).toBe(1);
  });
});
