// A temporary copy of the project for tests that must change the repository itself (add an entity,
// build a docs site from it) without touching the checkout: the docs site's three-entity test and
// codegen's new-entity test. Not a command; imported by those tests (types in project-copy.d.mts).
import { execFile } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Folders a copy of the project leaves out: installs, git, caches, and what a docs site built or wrote. */
const LEFT_OUT_NAMES = new Set(["node_modules", ".git", ".turbo", ".scratch", "coverage"]);
const LEFT_OUT_PATHS = /^examples\/[^/]+\/(test-output|\.vitepress\/(dist|cache))$/;

/**
 * Copies the project at `repoRoot` into `into` (its sources, schemas and generated files, and the
 * packages' built `dist/`), with every `node_modules` folder rebuilt out of symbolic links: an
 * installed package links to the installed copy, a workspace link (`@contracts/docs` ->
 * `../../packages/docs`) keeps its relative target and so points into the copy. A copy then
 * generates and builds on its own files, with no second `npm ci`.
 * @param {string} repoRoot
 * @param {string} into
 */
export function copyProject(repoRoot, into) {
  const skipped = (source) => LEFT_OUT_NAMES.has(path.basename(source)) || LEFT_OUT_PATHS.test(path.relative(repoRoot, source).split(path.sep).join("/"));
  cpSync(repoRoot, into, { recursive: true, filter: (source) => !skipped(source) });
  for (const folder of ["", ...workspaceFolders(repoRoot)]) {
    const installed = path.join(repoRoot, folder, "node_modules");
    if (existsSync(installed)) linkInstalled(installed, path.join(into, folder, "node_modules"));
  }
}

/** The workspace folders that exist (`packages/codegen`, ..., `examples/docs-site`). */
function workspaceFolders(repoRoot) {
  return ["packages", "examples"].flatMap((parent) =>
    existsSync(path.join(repoRoot, parent))
      ? readdirSync(path.join(repoRoot, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(parent, entry.name))
      : [],
  );
}

/** One `node_modules` level: scopes and `.bin` are entered, tool caches (`.cache`, `.vite`) left out. */
function linkInstalled(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (name.startsWith(".") && name !== ".bin") continue;
    if ((name.startsWith("@") || name === ".bin") && lstatSync(source).isDirectory()) {
      linkInstalled(source, target);
    } else if (lstatSync(source).isSymbolicLink() && !path.isAbsolute(readlinkSync(source))) {
      symlinkSync(readlinkSync(source), target);
    } else {
      symlinkSync(source, target);
    }
  }
}

/**
 * Runs a command in `cwd`, failing with its output; without CI, whose frozen generate a copy must
 * not get. Resolves to what it printed.
 * @param {string} cwd
 * @param {string} command
 * @param {readonly string[]} args
 * @returns {Promise<{ stdout: string; stderr: string }>}
 */
export async function runIn(cwd, command, args) {
  try {
    const { CI: _ci, ...env } = process.env;
    return await run(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = /** @type {{ stdout?: string; stderr?: string }} */ (error);
    throw new Error(`${command} ${args.join(" ")} in ${cwd} failed:\n${stdout}${stderr}`, { cause: error });
  }
}
