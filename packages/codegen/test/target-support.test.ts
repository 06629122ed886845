import { describe, expect, it } from "vitest";
import { generate } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import { defineEmitter, type Support } from "../src/emit/emitter.js";
import { openapiEmitter } from "../src/emit/openapi/index.js";
import { SUPPORT_31 } from "../src/emit/openapi/support.js";
import { formatProblem, SchemaProblems } from "../src/errors.js";
import { DEFAULT_CONFIG, type ProjectConfig } from "../src/load/config.js";
import { THING_BASE } from "./helpers.js";

/**
 * Support tables are per target, as contracts.config.json names targets: an emitter that writes
 * two of them (the openapi emitter: the 3.1 and the 3.0 documents) refuses what one table says
 * `false` only while that target is on, and a problem names the targets concerned by their config keys.
 */
const thing = (properties: object) => [{ file: "schemas/thing.schema.json", text: `${JSON.stringify({ ...THING_BASE, properties }, null, 2)}\n` }];

const withTargets = (targets: Partial<ProjectConfig["targets"]>): ProjectConfig => ({ ...DEFAULT_CONFIG, targets: { ...DEFAULT_CONFIG.targets, ...targets } });

/** Problems of a run as the CLI prints them, or the files it generated. */
async function run(emitters: Parameters<typeof generate>[1]["emitters"], properties: object, targets: Partial<ProjectConfig["targets"]> = {}) {
  try {
    const { outputs } = await generate(thing(properties), { emitters, runner: inThreadRunner(), config: withTargets(targets) });
    return { files: [...outputs.keys()], problems: [] as string[] };
  } catch (error) {
    if (!(error instanceof SchemaProblems)) throw error;
    return { files: [] as string[], problems: error.problems.map((p) => formatProblem(p).split("\n")[0]!) };
  }
}

/** `SUPPORT_31` less one keyword. */
const without = (keyword: keyof Support["keywords"]): Support => ({ ...SUPPORT_31, keywords: { ...SUPPORT_31.keywords, [keyword]: false } });

/** One emitter, two targets: "openapi31" cannot say `minLength`, "openapi30" cannot say `maxLength`. */
const pair = defineEmitter({
  name: "pair",
  targets: [
    { name: "openapi31", support: without("minLength") },
    { name: "openapi30", support: without("maxLength") },
  ],
  outputRoots: ["out"],
  libraries: [],
  reservedNames: new Map(),
  thread: "main",
  entity: async () => ({ files: new Map([["out/thing.txt", "thing\n"]]) }),
  aggregate: async () => new Map(),
});

describe("one support table per target", () => {
  const both = { a: { type: "string", minLength: 1 }, b: { type: "string", maxLength: 2 } };
  it.each([
    [
      "both on: each refuses its own keyword, naming itself",
      {},
      [
        'schemas/thing.schema.json:10:7 at /properties/a/minLength: "minLength" is valid JSON Schema, but the openapi31 target cannot express it yet',
        'schemas/thing.schema.json:14:7 at /properties/b/maxLength: "maxLength" is valid JSON Schema, but the openapi30 target cannot express it yet',
      ],
    ],
    [
      "openapi30 off: only openapi31's refusal",
      { openapi30: false },
      ['schemas/thing.schema.json:10:7 at /properties/a/minLength: "minLength" is valid JSON Schema, but the openapi31 target cannot express it yet'],
    ],
    [
      "openapi31 off: only openapi30's refusal",
      { openapi31: false },
      ['schemas/thing.schema.json:14:7 at /properties/b/maxLength: "maxLength" is valid JSON Schema, but the openapi30 target cannot express it yet'],
    ],
  ])("%s", async (_name, targets, want) => {
    expect((await run([pair], both, targets)).problems).toEqual(want);
  });

  it("with only the refusing target off, the emitter runs for the other", async () => {
    expect(await run([pair], { a: { type: "string", minLength: 1 } }, { openapi31: false })).toEqual({ files: ["out/thing.txt"], problems: [] });
    expect(await run([pair], { b: { type: "string", maxLength: 2 } }, { openapi30: false })).toEqual({ files: ["out/thing.txt"], problems: [] });
  });
});

describe("the openapi emitter's two documents", () => {
  it('a refusal both documents share names both config keys, and only the one still on when the other is off ("$dynamicRef")', async () => {
    const dynamic = { a: { $dynamicRef: "#meta" } };
    expect((await run([openapiEmitter], dynamic)).problems).toEqual([
      'schemas/thing.schema.json:9:7 at /properties/a/$dynamicRef: "$dynamicRef" is valid JSON Schema, but the openapi31 and openapi30 targets cannot express it yet',
    ]);
    expect((await run([openapiEmitter], dynamic, { openapi31: false })).problems).toEqual([
      'schemas/thing.schema.json:9:7 at /properties/a/$dynamicRef: "$dynamicRef" is valid JSON Schema, but the openapi30 target cannot express it yet',
    ]);
    expect((await run([openapiEmitter], dynamic, { openapi30: false })).problems).toEqual([
      'schemas/thing.schema.json:9:7 at /properties/a/$dynamicRef: "$dynamicRef" is valid JSON Schema, but the openapi31 target cannot express it yet',
    ]);
  });

  it("what only 3.0 cannot say (a tuple) fails generation while openapi30 is on, and generates the 3.1 document when it is off", async () => {
    const tuple = { pair: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false } };
    expect((await run([openapiEmitter], tuple)).problems).toEqual([
      "schemas/thing.schema.json:10:7 at /properties/pair/prefixItems: cannot be expressed in OpenAPI 3.0.3: a tuple (`prefixItems`): 3.0 `items` is one schema for every item",
    ]);
    const off = await run([openapiEmitter], tuple, { openapi30: false });
    expect(off.problems).toEqual([]);
    expect(off.files).toContain("packages/openapi/generated/openapi.json");
    expect(off.files).not.toContain("packages/openapi/generated/openapi-3.0.json");
  });
});
