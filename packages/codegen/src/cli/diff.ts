import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import parseChangeset from "@changesets/parse";
import { SchemaProblems } from "../errors.js";
import { generate, modelFromFiles } from "../core/generate.js";
import { inThreadRunner } from "../core/runner.js";
import { derivedTargets, emitters } from "../emit/index.js";
import { readConfig, type ProjectConfig } from "../load/config.js";
import { readSchemaFiles, type RawSchemaFile } from "../load/read.js";
import { API_MANIFEST, type ApiManifest } from "../emit/api-manifest/index.js";
import { diffManifests } from "../diff/api.js";
import { changesetFor, missingBumps, type PendingChangeset } from "../diff/changeset.js";
import { report } from "../diff/classify.js";
import { formatReport } from "../diff/format.js";
import { DiffInputError, fileAt, filesAt, resolveCommit, schemaFilesAt } from "../diff/git.js";
import { diffModels } from "../diff/models.js";
import type { Model } from "../model/types.js";
import type { Io } from "./io.js";
import { reportFailure } from "./run.js";

export interface DiffOptions {
  readonly base: string;
  readonly json: boolean;
  readonly writeChangeset: boolean;
  readonly requireChangeset: boolean;
}

const CHANGESET_DIR = ".changeset";

/**
 * `contracts diff`: the I/O edge around the pure comparison (diff/): reads the schemas at the
 * base commit from git and from the working tree, prints the report, writes or checks changesets.
 * Exit 0 whatever the bump (it is information), 1 for bad input or missing changesets.
 */
export async function runDiff(root: string, options: DiffOptions, io: Io): Promise<number> {
  try {
    const commit = resolveCommit(root, options.base);
    const baseFiles = schemaFilesAt(root, commit);
    // The working tree's config judges both sides: a base from before the config existed, or with
    // other rule levels, is read as the project reads schemas now.
    const config = readConfig(root);
    const before = modelAt(baseFiles, options.base, config);
    const files = readSchemaFiles(root);
    const after = modelFromFiles(files, { emitters, rules: config.rules });
    const names = packageNames(root);
    const api = diffManifests(await manifestAt(root, commit, baseFiles, config), await manifestOf(files, config), (dir) => names.get(dir) ?? dir);
    const result = report([...diffModels(before, after), ...api]);
    io.out(options.json ? JSON.stringify(result, null, 2) : formatReport(result, options.base));
    const packages = generatedPackages(root);
    if (options.writeChangeset) {
      const changeset = changesetFor(result, packages, options.base);
      if (!changeset)
        io.err(`contracts diff: bump ${result.bump}${packages.length === 0 ? " and no published package generated here" : ""}: no changeset written`);
      else {
        mkdirSync(path.join(root, CHANGESET_DIR), { recursive: true });
        writeFileSync(path.join(root, CHANGESET_DIR, changeset.name), changeset.text);
        io.err(`contracts diff: wrote ${CHANGESET_DIR}/${changeset.name} (${result.bump} for ${packages.join(", ")})`);
      }
    }
    if (options.requireChangeset) {
      const missing = missingBumps(result.bump, packages, pendingChangesets(root, commit));
      if (missing.length > 0) {
        io.err(
          `contracts diff --require-changeset: the schema changes since ${options.base} need a ${result.bump} release, which no changeset added since then covers:\n${missing.map((m) => `  ${m}`).join("\n")}\nfix: run \`npx contracts diff --base ${options.base} --write-changeset\` (or \`npm run changeset\`) and commit the changeset.`,
        );
        return 1;
      }
      io.err(
        `contracts diff --require-changeset: ${result.bump === "none" ? "no release needed" : `the ${result.bump} release is covered by the pending changesets`}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof DiffInputError) {
      io.err(`contracts diff: ${error.message}\n  fix: ${error.hint}`);
      return 1;
    }
    return reportFailure("diff", error, io);
  }
}

/**
 * The base's API manifest: as committed there (it records what that commit's codegen emitted),
 * or, for a commit from before the manifest existed, what this codegen emits from its schemas.
 */
async function manifestAt(root: string, commit: string, files: readonly RawSchemaFile[], config: ProjectConfig): Promise<ApiManifest> {
  const committed = fileAt(root, commit, API_MANIFEST);
  return committed === undefined ? manifestOf(files, config) : (JSON.parse(committed) as ApiManifest);
}

/** The manifest the working tree's schemas generate now (the committed one may not be regenerated yet). */
async function manifestOf(files: readonly RawSchemaFile[], config: ProjectConfig): Promise<ApiManifest> {
  if (files.length === 0) return {};
  const { outputs } = await generate(files, { emitters, runner: inThreadRunner(), derived: derivedTargets, config });
  return JSON.parse(outputs.get(API_MANIFEST) ?? "{}") as ApiManifest;
}

/** Package directory → its package.json name, for every generated package. */
function packageNames(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of generatedDirs()) {
    const file = path.join(root, dir, "package.json");
    if (existsSync(file)) out.set(dir, (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name ?? dir);
  }
  return out;
}

function generatedDirs(): Set<string> {
  return new Set(emitters.flatMap((e) => e.outputRoots).map((r) => r.split("/").slice(0, 2).join("/")));
}

/** The base's model; its problems are named `<ref>:<file>` so they are not taken for the working tree's. */
function modelAt(files: readonly RawSchemaFile[], ref: string, config: ProjectConfig): Model {
  try {
    return modelFromFiles(files, { emitters, rules: config.rules });
  } catch (error) {
    if (!(error instanceof SchemaProblems)) throw error;
    throw new SchemaProblems(
      error.problems.map((p) => ({ ...p, file: `${ref}:${p.file}`, hint: `${p.hint} (at ${ref}: diff against a base whose schemas were valid)` })),
    );
  }
}

/**
 * Published packages the emitters write into (each holds every entity): the package.json above
 * each output root, when it is not private.
 */
export function generatedPackages(root: string): string[] {
  const names: string[] = [];
  for (const dir of generatedDirs()) {
    const file = path.join(root, dir, "package.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; private?: boolean };
    if (json.name && !json.private) names.push(json.name);
  }
  return names.sort();
}

/** Changesets in the working tree that the base commit does not hold: the ones this change adds. */
function pendingChangesets(root: string, commit: string): PendingChangeset[] {
  const dir = path.join(root, CHANGESET_DIR);
  if (!existsSync(dir)) return [];
  const atBase = new Set(filesAt(root, commit, CHANGESET_DIR, ".md").map((f) => f.file));
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md" && !atBase.has(`${CHANGESET_DIR}/${name}`))
    .sort()
    .map((name) => {
      const file = `${CHANGESET_DIR}/${name}`;
      try {
        return { file, releases: parseChangeset(readFileSync(path.join(root, file), "utf8")).releases };
      } catch (error) {
        throw new DiffInputError(
          `${file} is not a changeset: ${(error as Error).message.split("\n")[0]}`,
          'fix its frontmatter (`"@contracts/types": minor` lines between `---` lines) or delete it',
        );
      }
    });
}
