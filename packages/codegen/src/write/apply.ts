import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Outputs } from "../emit/emitter.js";
import { inBatches } from "../batches.js";
import type { WritePlan } from "./plan.js";

/**
 * Applies a plan in two phases: every new file is first written beside its target under a
 * temporary name, and only when all of them are on disk are they renamed into place (rename is
 * atomic on one file system). A failure while staging leaves every existing output untouched.
 */
export async function applyPlan(root: string, plan: WritePlan, outputs: Outputs): Promise<Map<string, { size: number; mtimeMs: number }>> {
  const targets = [...plan.missing, ...plan.changed].map((file) => {
    const target = path.join(root, file);
    return { file, target, temp: path.join(path.dirname(target), `.contracts-tmp-${process.pid}-${path.basename(target)}`) };
  });
  const written = new Map<string, { size: number; mtimeMs: number }>();
  try {
    for (const dir of new Set(targets.map(({ target }) => path.dirname(target)))) await mkdir(dir, { recursive: true });
    await inBatches(targets, 64, async (t) => {
      await writeFile(t.temp, outputs.get(t.file) ?? "", "utf8");
      // Taken from the staged file: a rename keeps size and mtime, and nobody else can have
      // touched a file under our temporary name (a watch session trusts these later).
      const { size, mtimeMs } = await stat(t.temp);
      written.set(t.file, { size, mtimeMs });
    });
  } catch (error) {
    await inBatches(targets, 64, ({ temp }) => rm(temp, { force: true }));
    throw error;
  }
  await inBatches(targets, 64, ({ temp, target }) => rename(temp, target));
  await inBatches(plan.stale, 64, (file) => rm(path.join(root, file), { force: true }));
  return written;
}
