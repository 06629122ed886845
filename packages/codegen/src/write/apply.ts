import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Outputs } from "../emit/emitter.js";
import type { WritePlan } from "./plan.js";

/**
 * Applies a plan in two phases: every new file is first written beside its target under a
 * temporary name, and only when all of them are on disk are they renamed into place (rename is
 * atomic on one file system). A failure while staging leaves every existing output untouched.
 */
export async function applyPlan(root: string, plan: WritePlan, outputs: Outputs): Promise<void> {
  const targets = [...plan.missing, ...plan.changed];
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of targets) {
      const target = path.join(root, file);
      const temp = path.join(path.dirname(target), `.contracts-tmp-${process.pid}-${path.basename(target)}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, outputs.get(file) ?? "", "utf8");
      staged.push({ temp, target });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  for (const file of plan.stale) await rm(path.join(root, file), { force: true });
}
