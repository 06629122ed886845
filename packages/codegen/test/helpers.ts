import { mkdtemp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../src/cli/main.js";
import { generate } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import type { Emitter } from "../src/emit/emitter.js";
import type { RawSchemaFile } from "../src/load/read.js";
import type { Model, TypeNode } from "../src/model/types.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const CANONICAL_FILE = "connector-with-status.schema.json";

export async function canonicalSchemaText(): Promise<string> {
  return readFile(path.join(REPO_ROOT, "schemas", CANONICAL_FILE), "utf8");
}

export async function canonicalSchema(): Promise<Record<string, unknown>> {
  return JSON.parse(await canonicalSchemaText()) as Record<string, unknown>;
}

/**
 * The `$id` of `schemas/<fileName>`. Validation requires an `$id` that ends with the file's name, so
 * that a relative `$ref` names the same file for Ajv (which resolves it against the `$id`) as for codegen.
 */
export function schemaId(fileName: string): string {
  return `https://contracts.dev/schemas/${fileName}`;
}

/** A throw-away project: `schemas/<name>` for each entry (objects are pretty-printed JSON). */
export async function makeProject(files: Record<string, string | object>, prefix = "contracts-test-"): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  await mkdir(path.join(root, "schemas"));
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(path.join(root, "schemas", name), typeof contents === "string" ? contents : `${JSON.stringify(contents, null, 2)}\n`);
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  return runCliWithEnv({}, ...argv);
}

/** Runs the CLI in-process with captured output and the given environment (not the test's). */
export async function runCliWithEnv(env: Record<string, string>, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Every file below `dir` (relative, `/`-separated) with its bytes, for byte comparisons. */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else out.set(child, await readFile(path.join(dir, child), "latin1"));
    }
  };
  await walk("");
  return out;
}

/** The frame of a one-entity test schema, `schemas/thing.schema.json`: add `properties` and `required`. */
export const THING_BASE = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://contracts.dev/schemas/thing.schema.json",
  title: "Thing",
  type: "object",
  additionalProperties: false,
} as const;

/** Every file `emitters` generate from `files`, through the CLI's own path (the core, run in this thread). */
export async function generateWith(emitters: readonly Emitter[], files: readonly RawSchemaFile[]): Promise<Map<string, string>> {
  return new Map((await generate(files, { emitters, runner: inThreadRunner() })).outputs);
}

/** The kind view of the first property of the model's first entity (whose root is an object). */
export function firstPropertyType(model: Model): TypeNode {
  const root = model.entities[0]?.root;
  if (root?.kind !== "object") throw new Error(`the first entity's root is ${root?.kind ?? "missing"}, not an object`);
  const property = root.properties[0];
  if (!property) throw new Error("the first entity has no property");
  return property.type;
}
