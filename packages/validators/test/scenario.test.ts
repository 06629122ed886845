import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateScenario, scenarioSchemas } from "./scenario/project.js";

/**
 * Three schemas generated into a temporary project (test/scenario: geo, person, team): refs into
 * other files by path, by `$id`, to a definition and to a root, a cross-file cycle, recursion
 * through `#` and through `$defs`, and every construct the emitters support. The oracle is Ajv
 * 2020 + ajv-formats on the same three files.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

let root: string;
let validators: Record<string, Validator<unknown>>;
let ajv: { getSchema(id: string): ((v: unknown) => boolean) | undefined };
let schemas: Map<string, Schema>;

beforeAll(async () => {
  root = await generateScenario();
  const index = await import(path.join(root, "packages/validators/src/generated/index.ts"));
  validators = index.validators;
  schemas = (await scenarioSchemas()) as Map<string, Schema>;
  ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  for (const schema of schemas.values()) (ajv as unknown as { addSchema(s: unknown): void }).addSchema(schema);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const byTitle = (title: string): Schema => [...schemas.values()].find((s) => s["title"] === title) as Schema;
const ajvCheck = (title: string) => ajv.getSchema(byTitle(title)["$id"] as string) as (v: unknown) => boolean;

const point = { lat: 48.85, lng: 2.35 };
const person = { id: "123e4567-e89b-12d3-a456-426614174000", email: "ada@example.com", kind: "person", home: point };
const place = {
  name: "Paris",
  at: point,
  parent: { name: "France", at: point, parent: null },
  tree: { label: "a", children: [{ label: "b" }, { label: "c", children: [] }] },
  "zip-code": "75001",
};
const team = {
  name: "core",
  lead: { ...person, birthplace: place, team: { name: "inner", lead: person } },
  members: [person],
  origin: point,
  org: { title: "R&D", units: [{ title: "ML", units: [] }] },
  meta: { any: [1, { x: null }] },
  status: null,
};

describe("generated for three files with cross-file refs and recursion", () => {
  it.each([
    ["Place", place],
    [
      "Person",
      {
        ...person,
        born: "2024-02-29",
        wakesAt: "23:59:60Z",
        age: 36,
        score: 9.75,
        level: 4,
        tags: ["a", "b"],
        birthplace: place,
        contact: { mail: "a@b.co", verified: true },
        "nick-name": null,
      },
    ],
    ["Team", team],
  ])("accepts a valid %s, as Ajv does", (name, value) => {
    expect(ajvCheck(name)(value)).toBe(true);
    expect(validators[name]?.validate(value)).toEqual({ ok: true, value });
  });

  it.each([
    [
      "a ref into another file's definition",
      "Person",
      { ...person, home: { lat: 91, lng: 0 } },
      [["/home/lat", "maximum", "/home/lat must be <= 90 (got 91)"]],
    ],
    [
      "a ref to another file's root",
      "Person",
      { ...person, birthplace: { name: "", at: point } },
      [["/birthplace/name", "minLength", '/birthplace/name must have at least 1 character (got "")']],
    ],
    [
      "a ref by $id, then into a third file",
      "Team",
      { ...team, lead: { ...person, home: { lat: 0 } } },
      [["/lead/home", "required", '/lead/home must have required property "lng"']],
    ],
    [
      "an array of another file's root",
      "Team",
      { ...team, members: [person, { ...person, kind: "robot" }] },
      [["/members/1/kind", "const", '/members/1/kind must be "person" (got "robot")']],
    ],
    [
      "the cross-file cycle",
      "Person",
      { ...person, team: { name: "t", lead: { ...person, email: "nope" } } },
      [["/team/lead/email", "format", '/team/lead/email must be an email address like "name@example.com" (got "nope")']],
    ],
    [
      "recursion through #",
      "Place",
      { ...place, parent: { name: "A", at: point, parent: { name: "B", at: point, parent: { name: "C", at: { lat: 0, lng: 180 } } } } },
      [["/parent/parent/parent/at/lng", "exclusiveMaximum", "/parent/parent/parent/at/lng must be < 180 (got 180)"]],
    ],
    [
      "recursion through $defs",
      "Place",
      { ...place, tree: { label: "a", children: [{ label: "b", children: [{ label: 1 }] }] } },
      [["/tree/children/0/children/0/label", "type", "/tree/children/0/children/0/label must be string (got 1)"]],
    ],
    [
      "maxItems inside recursion",
      "Place",
      { ...place, tree: { label: "a", children: [{ label: "b" }, { label: "c" }, { label: "d" }, { label: "e" }] } },
      [["/tree/children", "maxItems", "/tree/children must have at most 3 items (got an array)"]],
    ],
    [
      "a non-identifier property name",
      "Place",
      { ...place, "zip-code": "7500" },
      [["/zip-code", "pattern", '/zip-code must match the pattern ^[0-9]{5}$ (got "7500")']],
    ],
    ["an integer bound", "Person", { ...person, age: 1.5 }, [["/age", "type", "/age must be integer (got 1.5)"]]],
    ["multipleOf, exactly (no tolerance)", "Person", { ...person, score: 0.3 }, [["/score", "multipleOf", "/score must be a multiple of 0.25 (got 0.3)"]]],
    ["exclusiveMinimum", "Person", { ...person, score: 0 }, [["/score", "exclusiveMinimum", "/score must be > 0 (got 0)"]]],
    ["oneOf matching both", "Person", { ...person, level: 6 }, [["/level", "oneOf", "/level must match exactly one schema in oneOf, but matches 2 (got 6)"]]],
    ["uniqueItems", "Person", { ...person, tags: ["a", "a"] }, [["/tags", "uniqueItems", '/tags must not repeat an item (got "a" at items 0 and 1)']]],
    ["minItems", "Person", { ...person, tags: [] }, [["/tags", "minItems", "/tags must have at least 1 item (got an array)"]]],
    ["date", "Person", { ...person, born: "2023-02-29" }, [["/born", "format", '/born must be an RFC 3339 date like "2024-01-31" (got "2023-02-29")']]],
    ["time", "Person", { ...person, wakesAt: "24:00:00Z" }, [["/wakesAt", "format", '/wakesAt must be an RFC 3339 time like "12:00:00Z" (got "24:00:00Z")']]],
    ["uuid", "Person", { ...person, id: "123" }, [["/id", "format", '/id must be a UUID like "123e4567-e89b-12d3-a456-426614174000" (got "123")']]],
    ["enum with null", "Team", { ...team, status: "gone" }, [["/status", "enum", '/status must be one of "active", "archived", null (got "gone")']]],
    [
      "an unknown property in another file's definition",
      "Team",
      { ...team, origin: { ...point, alt: 1 } },
      [["/origin", "additionalProperties", '/origin must not have unknown property "alt"']],
    ],
  ])("%s: exact errors", (_, name, value, want) => {
    expect(ajvCheck(name)(value)).toBe(false);
    const result = validators[name]?.validate(value);
    expect(result?.ok).toBe(false);
    expect(result?.ok === false && result.errors.map((e) => [e.path, e.keyword, e.message])).toEqual(want);
  });
});

describe("deep values of recursive schemas", () => {
  const chain = (depth: number) => {
    let tree: Record<string, unknown> = { label: "leaf" };
    for (let i = 0; i < depth; i++) tree = { label: String(i), children: [tree] };
    return { ...place, tree };
  };

  it("accepts nesting up to 1,000 levels, as Ajv does", () => {
    // place → tree → (children → array → tree) × 498: 998 objects and arrays deep.
    const value = chain(498);
    expect(ajvCheck("Place")(value)).toBe(true);
    expect(validators["Place"]?.is(value)).toBe(true);
  });

  it("rejects deeper values before recursing, without exhausting the stack", () => {
    for (const depth of [500, 100_000]) {
      const value = chain(depth);
      expect(validators["Place"]?.is(value)).toBe(false);
      const result = validators["Place"]?.validate(value);
      expect(
        result?.ok === false && result.errors.map((e) => [e.keyword, e.path.split("/").length - 1, e.message.replace(/^.* is nested/, "is nested")]),
      ).toEqual([["maxDepth", 1000, "is nested deeper than 1000 levels (got an array)"]]);
    }
  });

  it("judges alike in every entry point around the limit (997 to 1,001 levels): is, validate, errors, jsonOnly", () => {
    const verdicts = [];
    for (let depth = 497; depth <= 501; depth++) {
      const value = chain(depth);
      const v = validators["Place"] as NonNullable<(typeof validators)["Place"]>;
      for (const mode of [v, v.jsonOnly]) {
        const is = mode.is(value);
        expect(mode.validate(value).ok).toBe(is);
        expect(mode.errors(value).length === 0).toBe(is);
        expect(mode["~standard"].validate(value)).toHaveProperty(is ? "value" : "issues");
      }
      verdicts.push(v.is(value));
    }
    expect(verdicts).toEqual([true, true, true, false, false]);
  });

  it("rejects a value that contains itself (Team → lead → team → lead ...)", () => {
    const lead: Record<string, unknown> = { ...person };
    lead["team"] = { name: "loop", lead };
    expect(validators["Team"]?.is({ name: "t", lead })).toBe(false);
    expect(validators["Team"]?.validate({ name: "t", lead })).toMatchObject({ ok: false, errors: [{ path: "/lead/team/lead", keyword: "maxDepth" }] });
  });
});

/** Near-valid values of a schema: mostly valid, sometimes a value of the wrong kind, a key too many or too few. */
function resolve(file: string, ref: string): [string, Json] {
  const [base = "", fragment = ""] = ref.split("#");
  const target =
    base === "" ? file : base.startsWith("https:") ? ([...schemas].find(([, s]) => s["$id"] === base)?.[0] as string) : `schemas/${base.replace(/^\.\//, "")}`;
  let node: Json = schemas.get(target) as Schema;
  for (const token of fragment.split("/").slice(1)) node = (node as Schema)[token] as Json;
  return [target, node];
}

const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 }), fc.constant({}), fc.constant([]));
/** Per format: values that should pass, then near misses. */
const FORMATS: Record<string, [string[], string[]]> = {
  email: [
    ["a@b.co", "x.y+z@example.com"],
    ["a@b", "no-at", "a@", "@b.c", "a b@c.d"],
  ],
  date: [
    ["2024-02-29", "0000-01-01"],
    ["2023-02-29", "2024-13-01", "2024-1-01"],
  ],
  time: [
    ["12:00:00Z", "23:59:60Z", "12:00:00+01:00", "12:00:00.5z"],
    ["12:00:00", "24:00:00Z", "1:00:00Z"],
  ],
  uuid: [
    ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
    ["123e4567e89b12d3a456426614174000", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "zzz"],
  ],
};
const mostly = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 24 }, ...bad.map((arbitrary) => ({ arbitrary, weight: 1 })));

function near(file: string, s: Json, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shaped(file, s, depth), weight: 100 }, { arbitrary: junk, weight: 1 });
}

function shaped(file: string, s: Json, depth: number): fc.Arbitrary<unknown> {
  if (typeof s !== "object" || s === null || Array.isArray(s)) return fc.jsonValue({ maxDepth: 1 });
  if (typeof s["$ref"] === "string") {
    const [target, node] = resolve(file, s["$ref"]);
    return shaped(target, node, depth + 1);
  }
  if ("const" in s) return mostly(fc.constant(s["const"]), fc.constant("other"));
  if (Array.isArray(s["enum"])) return mostly(fc.constantFrom(...s["enum"]), fc.constant("unknown"));
  const union = (s["anyOf"] ?? s["oneOf"]) as Json[] | undefined;
  if (Array.isArray(union)) {
    const shallow = union.filter((b) => !JSON.stringify(b).includes("$ref"));
    const branches = (depth > 3 && shallow.length > 0 ? shallow : union).map((b) => shaped(file, b, depth));
    // A oneOf value that fits two branches is invalid: most values come from the first branch alone.
    return "oneOf" in s ? mostly(branches[0] as fc.Arbitrary<unknown>, ...branches.slice(1)) : fc.oneof(...branches);
  }
  const type = s["type"];
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => shaped(file, { ...s, type: t }, depth)));
  const num = (k: string, fallback: number) => (typeof s[k] === "number" ? (s[k] as number) : fallback);
  switch (type) {
    case "string": {
      const format = s["format"];
      if (typeof format === "string") {
        const [good, bad] = FORMATS[format] ?? [[""], [""]];
        return mostly(fc.constantFrom(...good), fc.constantFrom(...bad), fc.string({ maxLength: 4 }));
      }
      if (typeof s["pattern"] === "string") return mostly(fc.stringMatching(new RegExp(s["pattern"] as string)), fc.string({ maxLength: 6 }));
      return mostly(fc.string({ minLength: num("minLength", 0), maxLength: num("maxLength", 6) }), fc.string({ maxLength: num("maxLength", 6) + 1 }));
    }
    case "integer": {
      const lo = num("minimum", -20);
      const hi = num("maximum", 20);
      const step = num("multipleOf", 1);
      // fast-check favours 0, a multiple of every step (a oneOf of multipleOf 2 and 3 rejects it).
      return mostly(
        fc
          .integer({ min: Math.ceil(lo / step), max: Math.floor(hi / step) })
          .map((n) => n * step)
          .filter((n) => step === 1 || n % 6 !== 0),
        fc.integer({ min: lo - 2, max: hi + 2 }),
        fc.constantFrom(0.5, -1),
      );
    }
    case "number": {
      const lo = num("minimum", num("exclusiveMinimum", -200));
      const hi = num("maximum", num("exclusiveMaximum", 200));
      const above = "exclusiveMinimum" in s ? 1 : 0;
      const below = "exclusiveMaximum" in s ? 1 : 0;
      return mostly(
        fc.integer({ min: 4 * lo + above, max: 4 * hi - below }).map((n) => n / 4),
        fc.double({ min: lo - 1, max: hi + 1, noNaN: true }),
        fc.constantFrom(lo, hi, 0.3, 0.1, -0),
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      if (depth > 3) return fc.constant([]);
      const items = near(file, s["items"] ?? {}, depth + 1);
      const length = { minLength: num("minItems", 0), maxLength: num("maxItems", 3) };
      return mostly(
        fc.array(items, s["uniqueItems"] === true ? ({ ...length, selector: (v: unknown) => JSON.stringify(v) } as never) : length),
        fc.array(items, { maxLength: length.maxLength + 1 }),
      );
    case "object": {
      const properties = (s["properties"] ?? {}) as Schema;
      const required = (s["required"] ?? []) as string[];
      if (s["additionalProperties"] !== false) return fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 });
      const keys = Object.keys(properties).filter((k) => depth <= 3 || required.includes(k));
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, near(file, properties[k] as Json, depth + 1)])), { requiredKeys: required });
      return fc.tuple(record, fc.constantFrom(...Array<string>(30).fill("none"), "drop", "extra")).map(([value, mutation]) => {
        const copy: Record<string, unknown> = { ...value };
        if (mutation === "drop" && required.length > 0) delete copy[required[0] as string];
        if (mutation === "extra") copy["extra"] = 1;
        return copy;
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

describe("differential test against Ajv 2020 + ajv-formats", () => {
  it.each(["Place", "Person", "Team"])("%s: same verdict on 3,000 near-valid values, in the check and in the error walker", (name) => {
    const [file] = [...schemas].find(([, s]) => s["title"] === name) as [string, Schema];
    const check = ajvCheck(name);
    let accepted = 0;
    fc.assert(
      fc.property(shaped(file, schemas.get(file) as Schema, 0), (value) => {
        const want = check(value);
        if (want) accepted++;
        expect({ value, is: validators[name]?.is(value) }).toEqual({ value, is: want });
        expect({ value, errors: validators[name]?.errors(value).length === 0 }).toEqual({ value, errors: want });
      }),
      { numRuns: 3_000, seed: 20_250_107 },
    );
    // Both verdicts must be well represented for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(2_850);
  });
});

describe("static types", () => {
  it("compile with sample values, and are @contracts/types' declarations", async () => {
    const usage = `import { isTeam, parsePerson, type Person, type Place } from "./packages/validators/src/generated/index.js";
import type * as types from "@contracts/types";

const person: Person = ${JSON.stringify(person)};
const place: Place = ${JSON.stringify(place)};
const same: types.Person = parsePerson(person);
declare const body: unknown;
if (isTeam(body)) {
  const lead: types.Person = body.lead;
  const unit: string | undefined = body.org?.units?.[0]?.units?.[0]?.title;
  const zip: string | undefined = lead.birthplace?.parent?.parent?.["zip-code"];
  void unit, zip;
}
// @ts-expect-error kind is the const "person"
const robot: Person = { ...person, kind: "robot" };
void place, same, robot;
`;
    await writeFile(path.join(root, "usage.ts"), usage);
    const tsconfig = {
      extends: path.join(REPO_ROOT, "tsconfig.base.json"),
      compilerOptions: {
        noEmit: true,
        rootDir: ".",
        typeRoots: [path.join(REPO_ROOT, "node_modules/@types")],
        paths: { "@contracts/types": ["./packages/types/src/generated/index.ts"] },
      },
      include: ["usage.ts", "packages/*/src/generated/*.ts"],
    };
    await writeFile(path.join(root, "tsconfig.json"), JSON.stringify(tsconfig));
    await writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
    const run = await promisify(execFile)(process.execPath, [tsc, "-p", root]).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(run).toBe("");
  });
});

describe("Standard JSON Schema of entities with cross-file refs and recursion", () => {
  const Ajv07 = require("ajv").default;
  const invalid = { ...team, members: [{ ...person, email: "not an email" }] };
  it.each(["Place", "Person", "Team"])("%s: the draft-2020-12 and draft-07 schemas stand alone and judge as the files do", (name) => {
    const standard = validators[name]?.["~standard"] as unknown as {
      jsonSchema: { input(o: { target: string }): Record<string, unknown>; output(o: { target: string }): Record<string, unknown> };
    };
    const values = [place, person, team, invalid, { ...place, parent: { name: 1 } }, null];
    for (const [target, Ajv] of [
      ["draft-2020-12", Ajv2020],
      ["draft-07", Ajv07],
    ] as const) {
      const schema = standard.jsonSchema.input({ target });
      expect(standard.jsonSchema.output({ target })).toEqual(schema);
      // Compiled alone: no other file is added, so every ref must resolve inside it.
      const alone = new Ajv({ strict: false });
      addFormats(alone);
      const check = alone.compile(schema);
      expect(values.map((v) => check(v))).toEqual(values.map((v) => ajvCheck(name)(v)));
    }
    expect(() => standard.jsonSchema.input({ target: "openapi-3.0" })).toThrow(/refers to itself/);
  });
});
