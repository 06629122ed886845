import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { emitters, generateProject } from "@contracts/codegen";
import { afterAll, describe, expect, it } from "vitest";
import type { Validator } from "../src/runtime/index.js";
import { importValidators, writeProject } from "./scenario/project.js";

/**
 * The realistic projects of ./realistic (see its README), each generated as `contracts generate`
 * would (its own config, the built library), then every fixture judged three ways: Ajv 2020 +
 * ajv-formats on the schemas as written (the oracle), `is()` and `validate()`. A valid case is
 * valid for all three; an invalid one invalid for all three, with its expected `{ path, keyword }`
 * among `validate()`'s errors, which is what a contract test asserts of a service's 400.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const REALISTIC = path.join(import.meta.dirname, "realistic");
const PROJECTS = readdirSync(REALISTIC, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Case {
  readonly name: string;
  readonly value: unknown;
  readonly expected?: { readonly path: string; readonly keyword: string };
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe.each(PROJECTS)("the %s project", (project) => {
  const dir = path.join(REALISTIC, project);
  const generated = (async () => {
    const run = await generateProject(dir, { cache: false, emitters: emitters.filter((e) => ["types", "validators", "fixtures"].includes(e.name)) });
    const root = await writeProject(`contracts-realistic-${project}-`, run.outputs);
    roots.push(root);
    const validators = await importValidators(root);
    return { root, validators, entities: run.model.entities };
  })();

  // The oracle: the schemas as written, with the `$id` a relaxed "id-required" gives a file without one.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(path.join(dir, "schemas")).sort()) {
    const schema = JSON.parse(readFileSync(path.join(dir, "schemas", file), "utf8"));
    ajv.addSchema({ $id: `https://contracts.dev/schemas/${file}`, ...schema });
  }
  // A view has no file of its own: its self-contained document (`~standard.jsonSchema`) stands in.
  const oracle = (validator: Validator<unknown>, id: string | undefined) => {
    if (id !== undefined) return ajv.getSchema(id);
    const alone = new Ajv2020({ strict: false });
    addFormats(alone);
    return alone.compile(validator["~standard"].jsonSchema.input({ target: "draft-2020-12" }));
  };

  it("every fixture of every entity: Ajv, is() and validate() agree, and validate() reports each expected error", async () => {
    const { root, validators, entities } = await generated;
    let judged = 0;
    for (const entity of entities) {
      const validator = validators[entity.name];
      expect(validator, entity.name).toBeDefined();
      const check = oracle(validator!, entity.view === undefined ? entity.id : undefined);
      for (const kind of ["valid", "invalid"] as const) {
        const cases = JSON.parse(await readFile(path.join(root, `packages/fixtures/generated/${entity.slug}.${kind}.json`), "utf8")) as Case[];
        for (const c of cases) {
          const label = `${entity.name} ${kind}: ${c.name}`;
          const result = validator!.validate(c.value);
          expect([label, check(c.value), validator!.is(c.value), result.ok]).toEqual([label, kind === "valid", kind === "valid", kind === "valid"]);
          if (!result.ok)
            expect(
              result.errors.map((e) => ({ path: e.path, keyword: e.keyword })),
              label,
            ).toContainEqual(c.expected);
          judged++;
        }
      }
    }
    expect(judged).toBeGreaterThan(50);
  });
});
