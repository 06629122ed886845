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
 */
export function copyProject(repoRoot: string, into: string): void {
  const skipped = (source: string): boolean =>
    LEFT_OUT_NAMES.has(path.basename(source)) || LEFT_OUT_PATHS.test(path.relative(repoRoot, source).split(path.sep).join("/"));
  cpSync(repoRoot, into, { recursive: true, filter: (source) => !skipped(source) });
  for (const folder of ["", ...workspaceFolders(repoRoot)]) {
    const installed = path.join(repoRoot, folder, "node_modules");
    if (existsSync(installed)) linkInstalled(installed, path.join(into, folder, "node_modules"));
  }
}

/** The workspace folders that exist (`packages/codegen`, ..., `examples/docs-site`). */
function workspaceFolders(repoRoot: string): string[] {
  return ["packages", "examples"].flatMap((parent) =>
    existsSync(path.join(repoRoot, parent))
      ? readdirSync(path.join(repoRoot, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(parent, entry.name))
      : [],
  );
}

/** One `node_modules` level: scopes and `.bin` are entered, tool caches (`.cache`, `.vite`) left out. */
function linkInstalled(from: string, to: string): void {
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

/** Runs a command in `cwd`, failing with its output; without CI, whose frozen generate a copy must not get. */
export async function runIn(cwd: string, command: string, args: readonly string[]): Promise<void> {
  try {
    const { CI: _ci, ...env } = process.env;
    await run(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} in ${cwd} failed:\n${stdout}${stderr}`, { cause: error });
  }
}
