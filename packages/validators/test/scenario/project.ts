import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { emitters, generate, inThreadRunner, type GenerateOptions } from "@contracts/codegen";
import type { Validator } from "../../src/runtime/index.js";

export const SCENARIO_DIR = import.meta.dirname;
const PACKAGE_DIR = path.resolve(import.meta.dirname, "../..");
const REPO_ROOT = path.resolve(PACKAGE_DIR, "../..");

/** The scenario's schema files, as `schemas/<name>` → parsed JSON. */
export async function scenarioSchemas(): Promise<Map<string, Record<string, unknown>>> {
  const names = (await readdir(SCENARIO_DIR)).filter((f) => f.endsWith(".schema.json")).sort();
  return new Map(await Promise.all(names.map(async (n) => [`schemas/${n}`, JSON.parse(await readFile(path.join(SCENARIO_DIR, n), "utf8"))] as const)));
}

/**
 * A throw-away project holding what @contracts/codegen (the built library, as a user runs it)
 * generates for the scenario: the types and the validators, laid out as in this repository, with
 * this package's runtime and the repository's node_modules linked in so the modules import.
 */
export async function generateScenario(): Promise<string> {
  const schemas = await scenarioSchemas();
  const files = [...schemas].map(([file, value]) => ({ file, text: JSON.stringify(value, null, 2) }));
  const { outputs } = await generate(files, { emitters: emitters.filter((e) => e.name === "types" || e.name === "validators"), runner: inThreadRunner() });
  return writeProject("contracts-validators-", outputs);
}

/**
 * Writes generated files into a new temporary project laid out as this repository, with this
 * package's runtime and the repository's node_modules linked in so the modules import; returns its root.
 */
export async function writeProject(prefix: string, outputs: ReadonlyMap<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await symlink(path.join(PACKAGE_DIR, "src/runtime"), path.join(root, "packages/validators/src/runtime"), "dir");
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}

/** The validators registry a generated project exports. */
export async function importValidators(root: string): Promise<Record<string, Validator<unknown>>> {
  return (await import(path.join(root, "packages/validators/src/generated/index.ts"))).validators;
}

/**
 * Generates `schemas` (project-relative file → schema) with the named emitters, under `config`
 * when given (else the defaults), into a new temporary project (writeProject): its root and its
 * validators.
 */
export async function generateSchemas(
  prefix: string,
  schemas: Readonly<Record<string, unknown>>,
  names: readonly string[],
  config?: GenerateOptions["config"],
): Promise<{ root: string; validators: Record<string, Validator<unknown>> }> {
  const files = Object.entries(schemas).map(([file, value]) => ({ file, text: JSON.stringify(value, null, 2) }));
  const { outputs } = await generate(files, {
    emitters: emitters.filter((e) => names.includes(e.name)),
    runner: inThreadRunner(),
    ...(config ? { config } : {}),
  });
  const root = await writeProject(prefix, outputs);
  return { root, validators: await importValidators(root) };
}
