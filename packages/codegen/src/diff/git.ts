import { execFileSync } from "node:child_process";
import type { RawSchemaFile } from "../load/read.js";
import { SCHEMA_DIR, SCHEMA_SUFFIX } from "../load/read.js";

/** A user error of `contracts diff` that is not about a schema (no git, an unknown ref): message and fix. */
export class DiffInputError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = "DiffInputError";
    this.hint = hint;
  }
}

function git(root: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/** The commit `ref` names, or a located error: not a repository, or no such ref. */
export function resolveCommit(root: string, ref: string): string {
  try {
    git(root, ["rev-parse", "--show-toplevel"]);
  } catch {
    throw new DiffInputError(`${root} is not inside a git repository`, "run contracts diff in a git checkout of the project (or pass --root <dir>)");
  }
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).trim();
  } catch {
    throw new DiffInputError(
      `unknown git ref "${ref}"`,
      "pass a branch, tag or commit that exists here, e.g. --base main or --base HEAD~1 (`git fetch` it first if it lives on a remote)",
    );
  }
}

/**
 * The files under `dir` at `commit`, read from git's object store (no checkout, the working tree
 * is left alone), as `dir/<name>` paths relative to `root`.
 */
export function filesAt(root: string, commit: string, dir: string, suffix: string): RawSchemaFile[] {
  // --full-tree would name paths from the repository's top; `./` keeps them relative to root.
  const listing = git(root, ["ls-tree", "--name-only", "-z", commit, "--", `${dir}/`]);
  const names = listing
    .split("\0")
    .filter((p) => p.endsWith(suffix) && !p.slice(dir.length + 1).includes("/"))
    .sort();
  return names.map((file) => ({ file, text: git(root, ["show", `${commit}:./${file}`]).replace(/\r\n/g, "\n") }));
}

export function schemaFilesAt(root: string, commit: string): RawSchemaFile[] {
  return filesAt(root, commit, SCHEMA_DIR, SCHEMA_SUFFIX);
}

/** One file at `commit`, or undefined where it does not exist there. */
export function fileAt(root: string, commit: string, file: string): string | undefined {
  try {
    return git(root, ["show", `${commit}:./${file}`]);
  } catch {
    return undefined;
  }
}
