import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compareCodeUnits } from "../errors.js";
import type { Outputs } from "../emit/emitter.js";

/** What `generate` would do to bring the disk in line with the outputs. */
export interface WritePlan {
  /** Files whose contents differ from the output (`changed`) or that do not exist (`missing`). */
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
  /** Files under an owned root that no emitter produces any more. */
  readonly stale: readonly string[];
}

export async function planWrites(root: string, outputs: Outputs, ownedRoots: readonly string[]): Promise<WritePlan> {
  const changed: string[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  for (const file of [...outputs.keys()].sort(compareCodeUnits)) {
    const current = await readIfExists(path.join(root, file));
    if (current === undefined) missing.push(file);
    else if (current === outputs.get(file)) unchanged.push(file);
    else changed.push(file);
  }
  const stale: string[] = [];
  for (const dir of ownedRoots) {
    for (const file of await listFiles(root, dir)) if (!outputs.has(file)) stale.push(file);
  }
  stale.sort(compareCodeUnits);
  return { changed, missing, unchanged, stale };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Project-relative paths of every file below `dir` (none if it does not exist). */
async function listFiles(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}
