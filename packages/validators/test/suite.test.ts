import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { generateCases, type SuiteCase } from "./suite/project.js";

/**
 * The official JSON-Schema-Test-Suite (draft2020-12, vendored in test/suite with its licence and
 * commit), run as Ajv runs it (spec/json-schema.spec.ts there): every schema compiled, every test
 * value judged, the verdict compared with the suite's `valid`. Each schema is generated as an entity
 * by the validators emitter into a temporary project (one per file of the suite), and judged both
 * by `isX` (TypeBox's compiled check) and by the error walkers alone (`errors()`, what `validateX`
 * reports): an invalid value must get at least one error, a valid one none.
 */
const DIR = path.join(import.meta.dirname, "suite/draft2020-12");

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Group {
  readonly description: string;
  readonly schema: Json;
  readonly tests: readonly { readonly description: string; readonly data: Json; readonly valid: boolean }[];
}

/** The one skip list: a file, or a group of a file, and why. */
const SKIPPED: readonly { readonly file: string; readonly group?: string; readonly reason: string }[] = [
  { file: "refRemote.json", reason: "remote refs: the schemas live on a server (localhost:1234) the project does not load" },
  { file: "dynamicRef.json", reason: "$dynamicRef is not supported by the validators emitter yet (a located problem)" },
  { file: "vocabulary.json", reason: "custom meta-schemas are remote refs ($schema of another vocabulary set)" },
  { file: "defs.json", group: "validate definition against metaschema", reason: "remote ref: the 2020-12 meta-schema" },
  { file: "ref.json", group: "remote ref, containing refs itself", reason: "remote ref: the 2020-12 meta-schema" },
  { file: "unevaluatedItems.json", group: "unevaluatedItems with $dynamicRef", reason: "$dynamicRef" },
  { file: "unevaluatedProperties.json", group: "unevaluatedProperties with $dynamicRef", reason: "$dynamicRef" },
  {
    file: "format.json",
    reason:
      "every group tests a format as an annotation only (the default), while the project asserts the formats ajv-formats knows, as Ajv with ajv-formats does; their verdicts are tested against ajv-formats in formats.test.ts",
  },
];

function skipReason(file: string, group: Group): string | undefined {
  const entry = SKIPPED.find((s) => s.file === file && (s.group === undefined || s.group === group.description));
  if (entry !== undefined) return entry.reason;
  if (JSON.stringify(group.schema).includes('"$dynamicRef"')) return "$dynamicRef";
  return undefined;
}

const groupsOf = (file: string): Group[] => JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Group[];
/** The files with at least one group to run. */
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .filter((f) => groupsOf(f).some((g) => skipReason(f, g) === undefined));
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

it("skips only what the skip list names, and each entry names something the suite has", () => {
  for (const entry of SKIPPED) {
    const groups = groupsOf(entry.file);
    expect(entry.group === undefined || groups.some((g) => g.description === entry.group), `${entry.file} / ${entry.group}`).toBe(true);
  }
});

describe.each(files)("%s", (file) => {
  const groups = groupsOf(file);
  const run = groups.map((g, i) => ({ group: g, name: `Case${i}`, skip: skipReason(file, g) }));
  const cases: SuiteCase[] = run.filter((r) => r.skip === undefined).map((r) => ({ name: r.name, schema: r.group.schema }));
  let validators: Record<string, Validator<unknown>> = {};
  /** Cases whose entity the model could not build (see generateCases). */
  const fallbacks: string[] = [];
  const ready =
    cases.length === 0
      ? Promise.resolve()
      : generateCases(cases, fallbacks).then(async (root) => {
          roots.push(root);
          validators = (await import(path.join(root, "packages/validators/src/generated/index.ts"))).validators;
        });

  it("builds each schema with the codegen's model, except where it cannot place a $ref to an $anchor or an embedded $id yet", async () => {
    await ready;
    const lacking = run.filter((r) => fallbacks.includes(r.name) && r.skip === undefined);
    for (const r of lacking) expect(JSON.stringify(r.group.schema), r.group.description).toMatch(/"\$(anchor|id)"/);
  });

  const tests = run.flatMap((r) => r.group.tests.map((t) => ({ ...t, group: r.group.description, name: r.name, skip: r.skip })));
  it.each(tests.filter((t) => t.skip === undefined).map((t) => [`${t.group} / ${t.description}`, t] as const))("%s", async (_, t) => {
    await ready;
    const validator = validators[t.name] as Validator<unknown>;
    expect({ is: validator.is(t.data), errors: validator.errors(t.data).length === 0 }).toEqual({ is: t.valid, errors: t.valid });
  });
});
