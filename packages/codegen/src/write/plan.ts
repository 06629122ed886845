import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compareCodeUnits, environmentError } from "../errors.js";
import type { Outputs } from "../emit/emitter.js";

/** What `generate` would do to bring the disk in line with the outputs. */
export interface WritePlan {
  /** Files whose contents differ from the output (`changed`) or that do not exist (`missing`). */
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
  /** Files under an owned root that no emitter produces any more. */
  readonly stale: readonly string[];
  /** Unchanged files known from an earlier run whose size and mtime showed it (not read again). */
  readonly confirmedByStat: readonly string[];
}

/**
 * An output as an earlier run in this process left it: its contents, and the size and mtime that
 * show the file still holds them (a long-running watch compares these instead of reading every
 * output again).
 */
export interface OnDisk {
  readonly contents: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * `known`: outputs as an earlier run of this process left them (checked by size and mtime);
 * `justRead`: files read moments ago in this run (by the cache), taken as they were read.
 */
export function planWrites(
  root: string,
  outputs: Outputs,
  ownedRoots: readonly string[],
  known?: ReadonlyMap<string, OnDisk>,
  justRead?: ReadonlyMap<string, string>,
): WritePlan {
  const changed: string[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  const confirmedByStat: string[] = [];
  const verdictOf = (file: string, contents: string) => {
    const before = known?.get(file);
    if (before && before.contents === contents && stillOnDisk(path.join(root, file), before)) return "stat";
    if (justRead?.get(file) === contents) return "unchanged";
    const current = readIfExists(root, path.join(root, file));
    return current === undefined ? "missing" : current === contents ? "unchanged" : "changed";
  };
  for (const file of [...outputs.keys()].sort(compareCodeUnits)) {
    const verdict = verdictOf(file, outputs.get(file) ?? "");
    if (verdict === "stat") confirmedByStat.push(file);
    if (verdict === "stat" || verdict === "unchanged") unchanged.push(file);
    else if (verdict === "missing") missing.push(file);
    else changed.push(file);
  }
  const stale: string[] = [];
  for (const dir of ownedRoots) {
    for (const file of listFiles(root, dir)) if (!outputs.has(file)) stale.push(file);
  }
  stale.sort(compareCodeUnits);
  return { changed, missing, unchanged, stale, confirmedByStat };
}

function stillOnDisk(file: string, before: OnDisk): boolean {
  try {
    const now = statSync(file);
    return now.size === before.size && now.mtimeMs === before.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Updates `known` to what a run that applied `plan` left on disk: files it wrote by the stats
 * `applyPlan` took of them, the others (read and found unchanged moments ago) by a stat now.
 */
export function recordOnDisk(
  root: string,
  outputs: Outputs,
  plan: WritePlan,
  written: ReadonlyMap<string, { size: number; mtimeMs: number }>,
  known: Map<string, OnDisk>,
): void {
  for (const file of [...known.keys()]) if (!outputs.has(file)) known.delete(file);
  const confirmed = new Set(plan.confirmedByStat);
  for (const [file, { size, mtimeMs }] of written) known.set(file, { contents: outputs.get(file) ?? "", size, mtimeMs });
  for (const [file, contents] of outputs) {
    if (confirmed.has(file) || written.has(file)) continue;
    const { size, mtimeMs } = statSync(path.join(root, file));
    known.set(file, { contents, size, mtimeMs });
  }
}

function readIfExists(root: string, file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw environmentError(error, "read", file, root);
  }
}

/** Project-relative paths of every file below `dir` (none if it does not exist). */
function listFiles(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw environmentError(error, "list", path.join(root, dir), root);
  }
  const out: string[] = [];
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}
