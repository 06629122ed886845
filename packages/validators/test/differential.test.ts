import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isConnectorWithStatus, validators } from "../src/index.js";
import { valid } from "./samples.js";

/**
 * The oracle: Ajv 2020 + ajv-formats (full mode) on the canonical schema. Our compiled check
 * (TypeBox) and our error walker must both give its verdict on every generated value; in the
 * `jsonOnly` mode, Ajv's verdict and a plain recursive definition of JSON data (below) together.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const schema = JSON.parse(readFileSync(new URL("../../../schemas/connector-with-status.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const ajvCheck: (v: unknown) => boolean = ajv.compile(schema);

const d2 = (n: number): string => String(n).padStart(2, "0");
const dateTime = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date("0001-01-01"), max: new Date("9999-12-31") }).map((d) => d.toISOString()),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom("T", "t", " ", "x", "\u00a0", "\n"),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom(0, 30, 59, 60, 61),
      fc.constantFrom("", ".5", ".", ".9999999999999999999"),
      fc.constantFrom("Z", "z", "", "+01:00", "-23:59", "+24:00", "+0530", "+05", "+05:", "-00:60"),
    )
    .map(([y, mo, d, sep, h, mi, s, f, tz]) => `${String(y).padStart(4, "0")}-${d2(mo)}-${d2(d)}${sep}${d2(h)}:${d2(mi)}:${d2(s)}${f}${tz}`),
  fc.constantFrom("2016-12-31T23:59:60Z", "2016-12-31T22:59:60-01:00", "2023-02-29T12:00:00Z", "2024-01-01T10:00:00Z[Europe/Paris]"),
  fc.string(),
);
const uriUnit = fc.constantFrom(..."aZ09:/?#[]@%.-_~!$&'()*+,;=vf é".split(""), "%2F", "%zz", "::", "1.2.3.4", "256.1.1.1");
const uri = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom("http", "https", "a", "x-y.z+1", "1a", ""),
      fc.constantFrom("://", ":", ":/", "://[", "://u@["),
      fc.array(uriUnit, { maxLength: 16 }),
    )
    .map(([s, sep, rest]) => s + sep + rest.join("")),
  fc.constantFrom(
    "a:",
    "a:b",
    "urn:isbn:0451450523",
    "http://[::1]:80/",
    "http://[v1.x]/",
    "http://[1:2:3:4:5:6:7:8]/",
    "http://[::ffff:1.2.3.4]/",
    "http:x y",
    "HTTP://X.COM",
  ),
  fc.string(),
);
const json = fc.jsonValue({ maxDepth: 2 });
const record = fc.oneof(fc.constant(null), fc.dictionary(fc.string(), json), json);
const fields: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.oneof(fc.string(), json),
  name: fc.oneof(fc.string(), json),
  slug: fc.string(),
  description: fc.oneof(fc.string(), fc.constant(null), json),
  iconUrl: fc.oneof(uri, fc.constant(null), json),
  mcpUrl: fc.oneof(uri, json),
  oauthScopes: fc.oneof(fc.string(), fc.constant(null)),
  configSchema: record,
  enabled: fc.oneof(fc.boolean(), json),
  createdAt: fc.oneof(dateTime, json),
  server: fc.oneof(
    fc.constant(null),
    fc.record(
      { id: fc.oneof(fc.string(), json), status: fc.constantFrom("error", "connected", "disconnected", null, "pending", 1), config: record },
      { requiredKeys: [] },
    ),
    json,
  ),
};
/** A valid value with one to three fields replaced, sometimes a key dropped or added; JSON data. */
const nearValid = fc
  .tuple(fc.record(fields), fc.subarray(Object.keys(fields), { minLength: 1, maxLength: 3 }), fc.constantFrom("none", "drop", "extra", "proto"))
  .map(([replacements, keys, mutation]) => {
    const value: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
    for (const k of keys) value[k] = replacements[k];
    const data = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    if (mutation === "drop") delete data[keys[0] as string];
    if (mutation === "extra") data["extra"] = 1;
    if (mutation === "proto") return JSON.parse(JSON.stringify(data).replace("{", '{"__proto__":1,')) as unknown;
    return data;
  });

/** JSON data by its definition, written the obvious way (recursive, a set for cycles). */
const realm = vm.createContext();
const inRealm = (code: string): unknown => vm.runInContext(code, realm);
const otherRealm = inRealm("Object.prototype") as object;
function isJsonData(v: unknown, depth = 0, open = new Set<object>()): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "object") return false;
  if (depth >= 1000 || open.has(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto !== null && proto !== Object.prototype && proto !== otherRealm) return false;
  open.add(v);
  const ok = Object.values(v).every((c) => isJsonData(c, depth + 1, open));
  open.delete(v);
  return ok;
}

const strict = validators.ConnectorWithStatus.jsonOnly;
const verdicts = (value: unknown) => ({
  value,
  is: isConnectorWithStatus(value),
  walker: validators.ConnectorWithStatus.errors(value).length === 0,
  jsonOnly: strict.is(value),
  jsonOnlyWalker: strict.errors(value).length === 0,
});
const oracle = (value: unknown) => {
  const want = ajvCheck(value);
  const json = want && isJsonData(value);
  return { value, is: want, walker: want, jsonOnly: json, jsonOnlyWalker: json };
};
/** The verdicts must equal the oracle's; the deep comparison (which shows the value) only on a difference. */
function agrees(value: unknown, want: ReturnType<typeof oracle>): void {
  const got = verdicts(value);
  if (got.is !== want.is || got.walker !== want.walker || got.jsonOnly !== want.jsonOnly || got.jsonOnlyWalker !== want.jsonOnlyWalker)
    expect(got).toEqual(want);
}

/** What in-process values hold that JSON cannot, and objects of other kinds and realms. */
const notJson = fc.constantFrom<() => unknown>(
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => 10n,
  () => Symbol("s"),
  () => () => 1,
  () => new Date(0),
  () => new Map([[1, 2]]),
  () => new (class Thing {})(),
  () => new String("x"),
  () => Object.create(null) as unknown,
  () => inRealm("({ a: 1, b: [true, null] })"),
  () => inRealm("new Date(0)"),
);
/** `arb` one time in four, else undefined (nothing to change). */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
/** A record nested `depth` levels (`{ k: { k: ... } }`), its innermost value `leaf`. */
const nest = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { k: v };
  return v;
};
const openRecord = fc.oneof(
  // wide: up to 400 keys of JSON, or with one value that is not JSON
  fc.tuple(fc.integer({ min: 0, max: 400 }), sometimes(notJson)).map(([n, bad]) => {
    const r: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) r[`k${i}`] = i % 2 === 0 ? `v${i}` : { i, ok: [i, null] };
    if (bad !== undefined) r[`bad`] = bad();
    return r;
  }),
  // deep: 1 to 1,010 levels, around the jsonOnly depth limit, with a JSON or a non-JSON leaf
  fc
    .tuple(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 995, max: 1010 })), sometimes(notJson))
    .map(([d, bad]) => nest(d, bad === undefined ? "leaf" : bad())),
  // a cycle
  fc.constant(null).map(() => {
    const c: Record<string, unknown> = { a: 1 };
    c["self"] = c;
    return c;
  }),
);
/** A valid value with records made wide, deep or not JSON, a field or the whole value of another kind. */
const shaped = fc
  .tuple(
    fc.option(openRecord, { nil: undefined }),
    fc.option(openRecord, { nil: undefined }),
    sometimes(fc.tuple(fc.constantFrom(...Object.keys(valid)), notJson)),
    fc.constantFrom("plain", "plain", "plain", "class", "null-prototype", "other realm", "Date"),
  )
  .map(([configSchema, config, field, kind]) => {
    const data: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
    if (configSchema !== undefined) data["configSchema"] = configSchema;
    if (config !== undefined) (data["server"] as Record<string, unknown>)["config"] = config;
    if (field !== undefined) data[field[0]] = field[1]();
    const root: object =
      kind === "class"
        ? new (class Connector {})()
        : kind === "null-prototype"
          ? Object.create(null)
          : kind === "other realm"
            ? (inRealm("({})") as object)
            : kind === "Date"
              ? new Date(0)
              : {};
    return Object.assign(root, data);
  });

describe("differential test against Ajv 2020 + ajv-formats", () => {
  it("agrees on the verdict for 10 000 near-valid values, in the check and in the error walker, in both modes", () => {
    let runs = 0;
    let accepted = 0;
    fc.assert(
      fc.property(nearValid, (value) => {
        runs++;
        const want = oracle(value);
        if (want.is) accepted++;
        agrees(value, want);
      }),
      { numRuns: 10_000, seed: 20_240_102 },
    );
    expect(runs).toBe(10_000);
    // Both verdicts must be well represented for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(9_500);
  }, 120_000);

  it("agrees on 3 000 values with wide, deep, cyclic or non-JSON open records and objects of other kinds and realms, in both modes", () => {
    const seen = { accepted: 0, jsonOnlyAccepted: 0, differ: 0 };
    fc.assert(
      fc.property(shaped, (value) => {
        const want = oracle(value);
        if (want.is) seen.accepted++;
        if (want.jsonOnly) seen.jsonOnlyAccepted++;
        if (want.is !== want.jsonOnly) seen.differ++;
        agrees(value, want);
      }),
      { numRuns: 3_000, seed: 20_261_202 },
    );
    // Each mode accepts and rejects a good share, and they often disagree with each other.
    expect(seen.accepted).toBeGreaterThan(300);
    expect(seen.jsonOnlyAccepted).toBeGreaterThan(100);
    expect(seen.differ).toBeGreaterThan(300);
  }, 120_000);
});

describe("closed objects: the keys Ajv's for...in sees", () => {
  // A closed object's unknown keys are its own enumerable ones (rt.closed, one for...in, as Ajv's
  // additionalProperties loop and JSON.stringify see them); the walker reads the same keys.
  const hidden = (v: object, key: string) => Object.defineProperty({ ...v }, key, { value: 1, enumerable: false });
  const cases: [string, unknown][] = [
    ["a non-enumerable own unknown key at the root", hidden(valid, "extra")],
    ["a non-enumerable own unknown key in server", { ...valid, server: hidden(valid.server as object, "extra") }],
    ["an enumerable unknown key", { ...valid, extra: 1 }],
    ["an unknown key on a null-prototype root", Object.assign(Object.create(null), valid, { extra: 1 })],
  ];
  for (const [label, value] of cases)
    it(`${label}: same verdict as Ajv, and errors() agrees with is()`, () => {
      expect(isConnectorWithStatus(value)).toBe(ajvCheck(value));
      expect(validators.ConnectorWithStatus.errors(value).length === 0).toBe(isConnectorWithStatus(value));
    });
});
