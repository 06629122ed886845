import { emitters, generate, inThreadRunner, SchemaProblems, type GenerateOptions, type Json, type Problem } from "@contracts/codegen";
import { writeProject } from "../scenario/project.js";

/** One schema of the suite, as the entity `name` of a throw-away project. */
export interface SuiteCase {
  readonly name: string;
  readonly schema: Json;
}

type Config = NonNullable<GenerateOptions["config"]>;

/**
 * The project config a schema written for another tool needs (README, "Project config"): objects
 * open as JSON Schema says, no `$id` of ours required (nor one ending with the file's name), unknown
 * formats as annotations, patterns not checked for ReDoS (the suite's are its own test data).
 */
const DROP_IN_RULES: Config["rules"] = { "unsafe-patterns": "off", "closed-objects": "off", "id-required": "off", "unknown-formats": "off" };

/** Every target on, as a project that generates everything from the suite's schemas would run. */
export const EVERY_TARGET: Config = {
  targets: { types: true, validators: true, openapi31: true, openapi30: true, fixtures: true, docs: true },
  rules: DROP_IN_RULES,
};

/** The validators alone: what the suite judges (the other targets are off, as a project may turn them). */
export const VALIDATORS_ONLY: Config = {
  targets: { types: false, validators: true, openapi31: false, openapi30: false, fixtures: false, docs: false },
  rules: DROP_IN_RULES,
};

/**
 * The suite's schema as an entity's file: a boolean schema becomes the object schema that judges
 * alike (`{}`, `{"not": {}}`), the entity's name is its `title` (an annotation), and a schema
 * without `$schema` says 2020-12 (the suite's draft2020-12 folder means it). Printed with line
 * breaks, so a refusal's line:column points at the keyword.
 */
function entityFile({ name, schema }: SuiteCase): { file: string; text: string } {
  const object = schema === true ? {} : schema === false ? { not: {} } : (schema as { [k: string]: Json });
  const value = { $schema: "https://json-schema.org/draft/2020-12/schema", ...object, title: name };
  return { file: `schemas/${name.toLowerCase()}.schema.json`, text: `${JSON.stringify(value, null, 2)}\n` };
}

/** What `contracts generate` does with one schema: its outputs, its located problems, or the internal error it threw. */
export type Outcome =
  | { readonly kind: "generated"; readonly outputs: ReadonlyMap<string, string> }
  | { readonly kind: "refused"; readonly problems: readonly Problem[] }
  | { readonly kind: "internal"; readonly error: unknown };

/**
 * `cases` through the codegen's `generate()`, the path `contracts generate` runs (load → validate
 * → model → emit, with the config's targets and rules), in memory.
 */
export async function generateSuite(cases: readonly SuiteCase[], config: Config): Promise<Outcome> {
  try {
    const { outputs } = await generate(cases.map(entityFile), { emitters, runner: inThreadRunner(), config });
    return { kind: "generated", outputs };
  } catch (error) {
    if (error instanceof SchemaProblems) return { kind: "refused", problems: error.problems };
    return { kind: "internal", error };
  }
}

/**
 * Generates the validators of `cases` (every one must generate) into a temporary project
 * (writeProject) and returns its root: the emitter, the TypeBox check and the walkers are the ones
 * `contracts generate` runs.
 */
export async function generateCases(cases: readonly SuiteCase[]): Promise<string> {
  const outcome = await generateSuite(cases, VALIDATORS_ONLY);
  if (outcome.kind === "refused") throw new Error(outcome.problems.map((p) => `${p.file}:${p.line}:${p.column} at ${p.pointer}: ${p.message}`).join("\n"));
  if (outcome.kind === "internal") throw outcome.error;
  return writeProject("contracts-suite-", outcome.outputs);
}
