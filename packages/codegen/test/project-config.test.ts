import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalSchemaText, makeProject, REPO_ROOT, runCli, snapshotTree, THING_BASE } from "./helpers.js";

/**
 * contracts.config.json's targets and the rules a project may relax (closed-objects,
 * id-required, unknown-formats), through the CLI on throw-away projects. The "unsafe-patterns"
 * rule and the config's parse errors are in config.test.ts.
 */
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const PACKAGES = ["types", "validators", "openapi", "fixtures", "docs"] as const;

/**
 * A throw-away project inside this package (.scratch/, git-ignored), where the compiler finds the
 * workspace's type packages, for tests that build the packages' sources.
 */
const scratch: string[] = [];
afterAll(async () => {
  for (const root of scratch) await rm(root, { recursive: true, force: true });
});

async function scratchProject(files: Record<string, string | object>): Promise<string> {
  await mkdir(path.join(import.meta.dirname, "../.scratch"), { recursive: true });
  const root = await mkdtemp(path.join(import.meta.dirname, "../.scratch/project-config-"));
  scratch.push(root);
  await mkdir(path.join(root, "schemas"));
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(path.join(root, "schemas", name), typeof contents === "string" ? contents : `${JSON.stringify(contents, null, 2)}\n`);
  }
  return root;
}

const config = (root: string, value: object) => writeFile(path.join(root, "contracts.config.json"), `${JSON.stringify(value, null, 2)}\n`);
const outputs = async (root: string) => [...(await snapshotTree(root)).keys()].filter((f) => f.startsWith("packages/") || f.startsWith("api/")).sort();

/** Generates a project of `files` (with `value` as its config, if given): the exit code and the first four lines of stderr. */
async function generateHead(files: Record<string, string | object>, value?: object): Promise<{ root: string; code: number; head: string[] }> {
  const root = await makeProject(files);
  if (value) await config(root, value);
  const run = await runCli("generate", "--root", root);
  return { root, code: run.code, head: run.stderr.split("\n").slice(0, 4) };
}

/** The packages' hand-written sources next to the generated ones, type-checked as one program: does every package still build? */
async function buildErrors(root: string): Promise<string> {
  for (const pkg of PACKAGES) {
    await cp(path.join(REPO_ROOT, "packages", pkg, "src"), path.join(root, "packages", pkg, "src"), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}generated`),
    });
  }
  const paths = Object.fromEntries(PACKAGES.map((pkg) => [`@contracts/${pkg}`, [`./packages/${pkg}/src/index.ts`]]));
  const tsconfig = {
    extends: path.join(REPO_ROOT, "tsconfig.base.json"),
    compilerOptions: { noEmit: true, rootDir: ".", resolveJsonModule: true, paths },
    include: ["packages/*/src"],
  };
  await writeFile(path.join(root, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  try {
    execFileSync(process.execPath, [TSC, "-p", path.join(root, "tsconfig.json")], { encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/** The generated validators of `root`, loaded as a service would (the runtime copied beside them). */
async function validatorsOf(root: string): Promise<Record<string, (value: unknown) => boolean>> {
  await cp(path.join(REPO_ROOT, "packages/validators/src/runtime"), path.join(root, "packages/validators/src/runtime"), { recursive: true });
  return (await import(path.join(root, "packages/validators/src/generated/index.ts"))) as Record<string, (value: unknown) => boolean>;
}

describe("contracts.config.json: settings checked, located", () => {
  it.each([
    [
      "an unknown target",
      '{\n  "targets": { "type": false }\n}\n',
      'contracts.config.json:2:16 at /targets/type: "type" is not a setting contracts knows',
      'use one of "types", "validators", "openapi31", "openapi30", "fixtures", "docs"',
    ],
    [
      "a target that is not a boolean",
      '{\n  "targets": { "docs": "no" }\n}\n',
      "contracts.config.json:2:16 at /targets/docs: /targets/docs must be boolean",
      "see the README",
    ],
    [
      "an unknown level of a convention rule",
      '{\n  "rules": {\n    "closed-objects": "relaxed"\n  }\n}\n',
      'contracts.config.json:3:5 at /rules/closed-objects: /rules/closed-objects must be one of "error", "warn", "off"',
      "see the README",
    ],
    [
      "a misspelt rule",
      '{ "rules": { "id-requred": "off" } }\n',
      'contracts.config.json:1:14 at /rules/id-requred: "id-requred" is not a setting contracts knows',
      'use one of "unsafe-patterns", "closed-objects", "id-required", "unknown-formats"',
    ],
    [
      "the types off while the validators and fixtures, which import them, are on",
      '{\n  "targets": { "types": false }\n}\n',
      'contracts.config.json:2:16 at /targets/types: "types" is off, but "validators" and "fixtures" are on, and their generated code imports the entity types from @contracts/types',
      'fix: set "types": true, or turn "validators" and "fixtures" off as well',
    ],
    [
      "the types off while the fixtures are on",
      '{ "targets": { "types": false, "validators": false } }\n',
      'contracts.config.json:1:16 at /targets/types: "types" is off, but "fixtures" is on, and its generated code imports the entity types from @contracts/types',
      'fix: set "types": true, or turn "fixtures" off as well',
    ],
    [
      "an unknown top-level key",
      '{ "rule": {} }\n',
      'contracts.config.json:1:3 at /rule: "rule" is not a setting contracts knows',
      'use one of "targets", "rules"',
    ],
  ])("%s: exit 1 naming file, line:column and pointer, nothing written", async (_name, text, want, fix) => {
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: {} } });
    await writeFile(path.join(root, "contracts.config.json"), text);
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toMatch(/^contracts generate: 1 problem in 1 schema file; nothing was written\.$/);
    expect(lines[2]).toBe(want);
    expect(lines[3]).toContain(fix);
    expect(await outputs(root)).toEqual([]);
  });
});

/** An MCP-style entity: open objects (no additionalProperties), one nested. */
const openThing = {
  ...Object.fromEntries(Object.entries(THING_BASE).filter(([k]) => k !== "additionalProperties")),
  properties: { name: { type: "string" }, meta: { type: "object", properties: { by: { type: "string" } } } },
  required: ["name"],
};

/** Dog, an allOf of Base and its own properties, closed by `closure`; Base is also a property's type. */
const base = { type: "object", properties: { id: { type: "integer" } } };
const dog = { allOf: [{ $ref: "#/$defs/Base" }], properties: { petType: { const: "dog" } }, required: ["petType"] };
const pet = (closure: object) => ({
  $schema: THING_BASE.$schema,
  $id: "https://contracts.dev/schemas/pet.schema.json",
  title: "Pet",
  type: "object",
  // Base is both Dog's allOf base and a property's type: not judged, so open there too.
  properties: { dog: { $ref: "#/$defs/Dog" }, base: { $ref: "#/$defs/Base" } },
  required: ["dog"],
  additionalProperties: false,
  $defs: { Base: base, Dog: { ...dog, ...closure } },
});

describe('rule "closed-objects"', () => {
  const closed = [
    "schemas/thing.schema.json:1:1: an object with declared properties must be closed",
    '  fix: add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record); or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
  ];
  it('"error" (the default): an object without additionalProperties is refused where it is', async () => {
    const root = await makeProject({ "thing.schema.json": openThing });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").slice(2, 4)).toEqual(closed);
    expect(run.stderr).toContain("schemas/thing.schema.json:10:5 at /properties/meta: an object with declared properties must be closed");
    expect(await outputs(root)).toEqual([]);
  });

  it.each([
    [
      "an open object",
      { "thing.schema.json": openThing },
      [
        'contracts generate: 2 warnings (rules the project config sets to "warn"):',
        "",
        'schemas/thing.schema.json:1:1: an object with declared properties has no "additionalProperties": it is open, other properties may hold any value; the "closed-objects" rule (set to "warn") would require "additionalProperties": false',
        '  fix: add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record); or set "rules": { "closed-objects": "off" } in contracts.config.json to stop this warning',
      ],
    ],
    [
      "an open allOf of an open base (asks for unevaluatedProperties on the allOf's holder alone)",
      { "pet.schema.json": pet({}) },
      [
        'contracts generate: 1 warning (rules the project config sets to "warn"):',
        "",
        'schemas/pet.schema.json:27:5 at /$defs/Dog: an object composed of the properties its "allOf" members declare has no "unevaluatedProperties": false: it is open, other properties may hold any value; the "closed-objects" rule (set to "warn") would require "unevaluatedProperties": false',
        '  fix: add "unevaluatedProperties": false, which sees the properties its "allOf" members declare ("additionalProperties": false would reject them); or set "rules": { "closed-objects": "off" } in contracts.config.json to stop this warning',
      ],
    ],
  ])('"warn": %s generates, open, and says what the rule would require', async (_name, files, head) => {
    const run = await generateHead(files, { rules: { "closed-objects": "warn" } });
    expect(run.code).toBe(0);
    expect(run.head).toEqual(head);
  });

  it('"off": silent, and the object is open in the validators and the OpenAPI 3.1 document, as JSON Schema says', async () => {
    const root = await makeProject({ "thing.schema.json": openThing });
    await config(root, { rules: { "closed-objects": "off" } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const { isThing } = await validatorsOf(root);
    const ajv = new Ajv2020({ strict: false });
    const judge = ajv.compile(openThing);
    for (const value of [{ name: "a", extra: 1 }, { name: "a", meta: { by: "b", at: 2 } }, { name: 1 }]) expect(isThing!(value)).toBe(judge(value));
    expect(isThing!({ name: "a", extra: 1, meta: { at: 2 } })).toBe(true);
    const oas = JSON.parse(await readFile(path.join(root, "packages/openapi/generated/openapi.json"), "utf8")) as {
      components: { schemas: { Thing: object } };
    };
    expect(JSON.stringify(oas.components.schemas.Thing)).not.toContain("additionalProperties");
  });

  it("is satisfied by unevaluatedProperties: false on the object or on the schema whose allOf branch it is", async () => {
    const root = await makeProject({
      "thing.schema.json": {
        ...Object.fromEntries(Object.entries(THING_BASE).filter(([k]) => k !== "additionalProperties")),
        allOf: [{ properties: { a: { type: "string" } } }],
        properties: { b: { type: "string" } },
        unevaluatedProperties: false,
      },
    });
    const run = await runCli("check", "--root", root);
    expect(run.stderr).not.toContain("must be closed");
  });
});

/**
 * Where "closed-objects" at its default asks nothing of a schema with properties, because closing
 * it would break the schema: an `if`/`then`/`dependentSchemas` entry (they constrain the instance
 * their parent describes) and an `allOf` base (closed, it would reject the other members'
 * properties; the schema holding the `allOf` closes with `unevaluatedProperties`). Each project
 * generates end to end, and the validators judge every generated fixture as Ajv does.
 */
describe('rule "closed-objects": subschemas that are not objects of their own', () => {
  const S = THING_BASE.$schema;
  /** Generates `schema` (entity `name`) with `config`: exit 0, silent, every fixture and `values` judged as Ajv does. */
  async function generatesAgreeing(name: string, schema: object, config_: object | undefined, values: { value: unknown; ok: boolean }[]) {
    const root = await makeProject({ [`${name.toLowerCase()}.schema.json`]: schema });
    if (config_) await config(root, config_);
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const is = (await validatorsOf(root))[`is${name}`]!;
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const judge = ajv.compile(schema);
    const fixtures = async (kind: string) =>
      JSON.parse(await readFile(path.join(root, `packages/fixtures/generated/${name.toLowerCase()}.${kind}.json`), "utf8")) as {
        name: string;
        value: unknown;
      }[];
    const valid = await fixtures("valid");
    const invalid = await fixtures("invalid");
    expect(invalid.length).toBeGreaterThan(0);
    for (const c of valid) expect([c.name, judge(c.value), is(c.value)]).toEqual([c.name, true, true]);
    for (const c of invalid) expect([c.name, judge(c.value), is(c.value)]).toEqual([c.name, false, false]);
    for (const { value, ok } of values) expect([value, judge(value), is(value)]).toEqual([value, ok, ok]);
  }

  /** A closed object entity `name` with `keywords` (its properties and the subschemas under test). */
  const closedEntity = (name: string, keywords: object) => ({
    $schema: S,
    $id: `https://contracts.dev/schemas/${name.toLowerCase()}.schema.json`,
    title: name,
    type: "object",
    additionalProperties: false,
    ...keywords,
  });

  it.each([
    [
      "an if/then with properties",
      "Order",
      {
        properties: { kind: { enum: ["card", "cash"] }, card: { type: "string" } },
        required: ["kind"],
        if: { properties: { kind: { const: "card" } } },
        then: { required: ["card"] },
      },
      [
        { value: { kind: "card", card: "4242" }, ok: true },
        { value: { kind: "card" }, ok: false },
        { value: { kind: "cash" }, ok: true },
        { value: { kind: "cash", extra: 1 }, ok: false },
      ],
    ],
    [
      "a dependentSchemas entry with properties",
      "Payment",
      {
        properties: { card: { type: "string" }, cvv: { type: "string" } },
        dependentSchemas: { card: { properties: { cvv: { minLength: 3 } }, required: ["cvv"] } },
      },
      [
        { value: { card: "4242", cvv: "123" }, ok: true },
        { value: { card: "4242", cvv: "1" }, ok: false },
        { value: { card: "4242" }, ok: false },
        { value: { cvv: "1" }, ok: true },
      ],
    ],
  ])("%s inside a closed object generates", async (_name, name, keywords, values) => {
    await generatesAgreeing(name, closedEntity(name, keywords), undefined, values);
  });

  it("an allOf base is not asked to close itself: Dog closed with unevaluatedProperties generates", async () => {
    // OpenAPI 3.0 has no unevaluatedProperties beside an allOf: its document is off here.
    await generatesAgreeing("Pet", pet({ unevaluatedProperties: false }), { targets: { openapi30: false } }, [
      { value: { dog: { petType: "dog", id: 1 } }, ok: true },
      { value: { dog: { petType: "dog", id: 1, extra: 1 } }, ok: false },
      { value: { dog: { petType: "dog" }, base: { id: 1, extra: 1 } }, ok: true },
    ]);
  });

  /** Generates `files`: refused with one problem, whose two lines are `problem`; the project's root. */
  async function refusedOnce(files: Record<string, object>, problem: string[]): Promise<string> {
    const run = await generateHead(files);
    expect(run.code).toBe(1);
    expect(run.head).toEqual(["contracts generate: 1 problem in 1 schema file; nothing was written.", "", ...problem]);
    return run.root;
  }

  it("Dog without a closure is refused where it is, with unevaluatedProperties as the fix, and Base is not", async () => {
    const root = await refusedOnce({ "pet.schema.json": pet({}) }, [
      "schemas/pet.schema.json:27:5 at /$defs/Dog: an object with declared properties must be closed",
      '  fix: add "unevaluatedProperties": false, which sees the properties its "allOf" members declare ("additionalProperties": false would reject them); or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
    ]);
    expect(await outputs(root)).toEqual([]);
  });

  // Second review of the rule: a closure that rejects the properties of the composition it closes
  // was accepted, and a value object nested under dependentSchemas was no longer judged.
  const x = (schema: object) => ({
    "x.schema.json": { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://contracts.dev/schemas/x.schema.json", title: "X", ...schema },
  });
  it.each<[string, object, string[]]>([
    [
      "a holder closed by additionalProperties: false over a base's properties",
      {
        type: "object",
        allOf: [{ $ref: "#/$defs/Base" }],
        additionalProperties: false,
        $defs: { Base: { type: "object", properties: { name: { type: "string" } } } },
      },
      [
        'schemas/x.schema.json:1:1: an object composed with "allOf" or "$ref" is closed by "additionalProperties": false, which does not see the properties its "allOf" members declare and rejects them ("name")',
        '  fix: replace "additionalProperties": false with "unevaluatedProperties": false, which sees the properties its "allOf" members declare; or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
      ],
    ],
    [
      "an allOf member closed by additionalProperties: false beside another member's properties",
      {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false },
          { type: "object", properties: { b: { type: "integer" } } },
        ],
      },
      [
        'schemas/x.schema.json:1:1: an "allOf" member closed by "additionalProperties": false rejects the properties the other members declare ("b")',
        '  fix: move the member\'s "additionalProperties": false here as "unevaluatedProperties": false, which sees the properties its "allOf" members declare; or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
      ],
    ],
    [
      "an open object that is a property's value under dependentSchemas",
      {
        type: "object",
        properties: { kind: { type: "string" }, billing: {} },
        required: ["kind"],
        additionalProperties: false,
        dependentSchemas: { billing: { properties: { billing: { type: "object", properties: { zip: { type: "string" } }, required: ["zip"] } } } },
      },
      [
        "schemas/x.schema.json:19:9 at /dependentSchemas/billing/properties/billing: an object with declared properties must be closed",
        '  fix: add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record); or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
      ],
    ],
  ])("%s is refused", async (_name, schema, problem) => {
    await refusedOnce(x(schema), problem);
  });

  it("an ordinary open object is still refused, and only it: not the if, the allOf member or the anyOf branch that is closed", async () => {
    await refusedOnce(
      {
        "thing.schema.json": {
          ...THING_BASE,
          properties: {
            kind: { type: "string" },
            meta: { type: "object", properties: { by: { type: "string" } } },
            either: { anyOf: [{ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, { type: "string" }] },
            both: { allOf: [{ type: "object", properties: { a: { type: "string" } } }], properties: { b: { type: "string" } }, unevaluatedProperties: false },
          },
          if: { properties: { kind: { const: "x" } } },
          then: { required: ["meta"] },
        },
      },
      [
        "schemas/thing.schema.json:11:5 at /properties/meta: an object with declared properties must be closed",
        '  fix: add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record); or, to accept it, set "rules": { "closed-objects": "warn" } (or "off") in contracts.config.json',
      ],
    );
  });
});

describe('rule "id-required"', () => {
  const noId = Object.fromEntries(Object.entries({ ...THING_BASE, properties: { other: { $ref: "./other.schema.json" } } }).filter(([k]) => k !== "$id"));
  const other = { $schema: THING_BASE.$schema, title: "Other", type: "object", properties: { n: { type: "number" } }, additionalProperties: false };

  it('"error" (the default): a schema without $id is refused', async () => {
    const root = await makeProject({ "thing.schema.json": noId, "other.schema.json": other });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'schemas/thing.schema.json:1:1: has no "$id"\n  fix: add a stable "$id", e.g. "https://contracts.dev/schemas/thing.schema.json"; or, to accept it, set "rules": { "id-required": "warn" } (or "off") in contracts.config.json',
    );
  });

  it('"warn": says which $id it takes', async () => {
    const root = await makeProject({ "thing.schema.json": noId, "other.schema.json": other });
    await config(root, { rules: { "id-required": "warn" } });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'schemas/other.schema.json:1:1: has no "$id": it is given "https://contracts.dev/schemas/other.schema.json", from the file\'s name; the "id-required" rule (set to "warn") would require an "$id"',
    );
  });

  it('"off": the $id derived from the file name is the one every artifact uses, and relative refs between such files resolve', async () => {
    const root = await makeProject({ "thing.schema.json": noId, "other.schema.json": other });
    await config(root, { rules: { "id-required": "off" } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const { Thing, isThing } = (await validatorsOf(root)) as unknown as { Thing: { $id: string }; isThing: (v: unknown) => boolean };
    expect(Thing.$id).toBe("https://contracts.dev/schemas/thing.schema.json");
    expect(isThing({ other: { n: 1 } })).toBe(true);
    expect(isThing({ other: { n: "1" } })).toBe(false);
  });
});

describe('rule "unknown-formats"', () => {
  const withFormat = {
    "thing.schema.json": { ...THING_BASE, properties: { icon: { type: "string", format: "media-type" }, at: { type: "string", format: "date" } } },
  };

  it('"error" (the default): a format ajv-formats does not know is refused at its place', async () => {
    const root = await makeProject(withFormat);
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[2]).toBe(
      'schemas/thing.schema.json:10:7 at /properties/icon/format: format "media-type" is not one ajv-formats knows, so no validator could check it',
    );
  });

  it('"warn": generates, saying it is an annotation', async () => {
    const root = await makeProject(withFormat);
    await config(root, { rules: { "unknown-formats": "warn" } });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'schemas/thing.schema.json:10:7 at /properties/icon/format: format "media-type" is not one ajv-formats knows: it is kept as an annotation and not checked; the "unknown-formats" rule (set to "warn") would require a format ajv-formats knows',
    );
  });

  it('"off": an annotation, as the spec says: not checked, while a known format still is', async () => {
    const root = await makeProject(withFormat);
    await config(root, { rules: { "unknown-formats": "off" } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const { isThing } = await validatorsOf(root);
    expect(isThing!({ icon: "anything at all" })).toBe(true);
    expect(isThing!({ at: "not a date" })).toBe(false);
    const oas = await readFile(path.join(root, "packages/openapi/generated/openapi.json"), "utf8");
    expect(oas).toContain('"format": "media-type"');
  });
});

describe("targets", () => {
  /** The files each target writes for the canonical entity (besides the API manifest). */
  const OWN: Record<string, RegExp> = {
    types: /^packages\/types\//,
    validators: /^packages\/validators\//,
    openapi31: /^packages\/openapi\/generated\/openapi\.(json|yaml)$/,
    openapi30: /^packages\/openapi\/generated\/openapi-3\.0\.(json|yaml)$/,
    fixtures: /^packages\/fixtures\//,
    docs: /^packages\/docs\//,
  };

  it.each(Object.keys(OWN))('"%s": false writes nothing for it, removes what it wrote before, says so in its package, and check is clean', async (target) => {
    const root = await makeProject({ "connector-with-status.schema.json": await canonicalSchemaText() });
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    const before = await outputs(root);
    // The validators and fixtures import @contracts/types: with it off, they go too (refused otherwise).
    const gone = target === "types" ? ["types", "validators", "fixtures"] : [target];
    await config(root, { targets: Object.fromEntries(gone.map((t) => [t, false])) });
    const run = await runCli("generate", "--root", root);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const after = await outputs(root);
    const ownOf = (f: string) => gone.find((t) => OWN[t]!.test(f));
    // What is left of the target: the modules its package's own code imports, each saying why it is empty.
    for (const file of after.filter(ownOf)) {
      expect(file).toMatch(/\.ts$/);
      expect(await readFile(path.join(root, file), "utf8")).toMatch(new RegExp(`^// The "${ownOf(file)}" target is off in contracts\\.config\\.json`));
    }
    if (target.startsWith("openapi")) {
      expect(after.filter(ownOf)).toEqual([]);
      expect(await readFile(path.join(root, "packages/openapi/src/generated/documents.ts"), "utf8")).toContain(
        `/** Empty: the "${target}" target is off in contracts.config.json. */`,
      );
    }
    // The other targets are untouched.
    expect(after.filter((f) => !ownOf(f) && f !== "api/exports.json")).toEqual(before.filter((f) => !ownOf(f) && f !== "api/exports.json"));
    expect(await runCli("check", "--root", root)).toMatchObject({ code: 0 });
  });

  it("every target off: each package still builds (its hand-written code against the empty modules)", async () => {
    const root = await scratchProject({ "connector-with-status.schema.json": await canonicalSchemaText() });
    await config(root, { targets: { types: false, validators: false, openapi31: false, openapi30: false, fixtures: false, docs: false } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    expect((await outputs(root)).filter((f) => !f.endsWith(".ts") && f !== "api/exports.json")).toEqual([]);
    expect(await buildErrors(root)).toBe("");
  });

  it("the 3.0 document alone off: 3.1 is written, and the package builds", async () => {
    const root = await scratchProject({ "connector-with-status.schema.json": await canonicalSchemaText() });
    await config(root, { targets: { openapi30: false } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const files = await outputs(root);
    expect(files).toContain("packages/openapi/generated/openapi.json");
    expect(files).not.toContain("packages/openapi/generated/openapi-3.0.json");
    expect(await buildErrors(root)).toBe("");
  });

  it("the 3.1 document alone off: 3.0 is written, openapi-types.ts is unchanged (the components' types), and the package builds", async () => {
    const root = await scratchProject({ "connector-with-status.schema.json": await canonicalSchemaText() });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const typesFile = path.join(root, "packages/openapi/src/generated/openapi-types.ts");
    const bothOn = await readFile(typesFile, "utf8");
    await config(root, { targets: { openapi31: false } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const files = await outputs(root);
    expect(files).toContain("packages/openapi/generated/openapi-3.0.json");
    expect(files).not.toContain("packages/openapi/generated/openapi.json");
    // Decided, not overlooked (README, "Targets"): the types are of the components, which the 3.0
    // document converts without changing what they accept (what 3.0 cannot say is refused).
    expect(await readFile(typesFile, "utf8")).toBe(bothOn);
    expect(bothOn).toContain("ConnectorWithStatus: {");
    expect(await buildErrors(root)).toBe("");
  });
});

describe("a drop-in schema written for another tool", () => {
  it("generates with the rules relaxed, and its artifacts build and judge as Ajv does", async () => {
    // As the MCP specification writes its schemas: no $id, open objects, a format we do not know,
    // and a root that is a union.
    const content = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "ContentBlock",
      description: "One piece of content.",
      oneOf: [
        { type: "object", properties: { type: { const: "text" }, text: { type: "string" } }, required: ["type", "text"] },
        {
          type: "object",
          properties: { type: { const: "image" }, data: { type: "string" }, mimeType: { type: "string", format: "media-type" } },
          required: ["type", "data"],
        },
      ],
    };
    const root = await scratchProject({ "content-block.schema.json": content });
    const strict = await runCli("generate", "--root", root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/has no "\$id"/);
    expect(strict.stderr).toMatch(/must be closed/);
    expect(strict.stderr).toMatch(/"media-type" is not one ajv-formats knows/);
    await config(root, { rules: { "closed-objects": "off", "id-required": "off", "unknown-formats": "off" } });
    expect(await runCli("generate", "--root", root)).toMatchObject({ code: 0, stderr: "" });
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const judge = ajv.compile(content);
    const { isContentBlock } = await validatorsOf(root);
    for (const value of [
      { type: "text", text: "hi", extra: true },
      { type: "image", data: "AAA", mimeType: "image/png" },
      { type: "image", text: "hi" },
      { type: "video" },
    ])
      expect(isContentBlock!(value), JSON.stringify(value)).toBe(judge(value));
    const valid = JSON.parse(await readFile(path.join(root, "packages/fixtures/generated/content-block.valid.json"), "utf8")) as { value: unknown }[];
    for (const c of valid) expect(judge(c.value), JSON.stringify(c)).toBe(true);
    expect(await buildErrors(root)).toBe("");
  }, 240_000);
});
