import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Outputs } from "../emit/emitter.js";
import { inBatches } from "../batches.js";
import type { WritePlan } from "./plan.js";

/**
 * Applies a plan in two phases: every new file is first written beside its target under a
 * temporary name, and only when all of them are on disk are they renamed into place (rename is
 * atomic on one file system). A failure while staging leaves every existing output untouched.
 */
export async function applyPlan(root: string, plan: WritePlan, outputs: Outputs): Promise<void> {
  const targets = [...plan.missing, ...plan.changed].map((file) => {
    const target = path.join(root, file);
    return { file, target, temp: path.join(path.dirname(target), `.contracts-tmp-${process.pid}-${path.basename(target)}`) };
  });
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const dir of new Set(targets.map(({ target }) => path.dirname(target)))) await mkdir(dir, { recursive: true });
    // A bounded number at once: in parallel, but clear of the open-file limit.
    await inBatches(targets, 64, async (t) => {
      staged.push(t);
      await writeFile(t.temp, outputs.get(t.file) ?? "", "utf8");
    });
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  await inBatches(staged, 64, ({ temp, target }) => rename(temp, target));
  await inBatches(plan.stale, 64, (file) => rm(path.join(root, file), { force: true }));
}
