import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Outputs } from "../emit/emitter.js";
import type { WritePlan } from "./plan.js";

/**
 * Applies a plan in two phases: every new file is first written beside its target under a
 * temporary name, and only when all of them are on disk are they renamed into place (rename is
 * atomic on one file system). A failure while staging leaves every existing output untouched.
 *
 * Synchronous on purpose: this is a run's last step, with nothing else for the thread to do, and
 * on 1411 files (200 entities) the synchronous calls took about 110 ms against 250–320 ms for
 * bounded batches of promises, which pay a thread-pool round trip per call.
 */
export function applyPlan(root: string, plan: WritePlan, outputs: Outputs, options: { stat?: boolean } = {}): Map<string, { size: number; mtimeMs: number }> {
  const targets = [...plan.missing, ...plan.changed].map((file) => {
    const target = path.join(root, file);
    return { file, target, temp: path.join(path.dirname(target), `.contracts-tmp-${process.pid}-${path.basename(target)}`) };
  });
  const written = new Map<string, { size: number; mtimeMs: number }>();
  const staged: string[] = [];
  try {
    for (const dir of new Set(targets.map(({ target }) => path.dirname(target)))) mkdirSync(dir, { recursive: true });
    for (const t of targets) {
      staged.push(t.temp);
      writeFileSync(t.temp, outputs.get(t.file) ?? "", "utf8");
      // Taken from the staged file: a rename keeps size and mtime, and nobody else can have
      // touched a file under our temporary name (a watch session trusts these later).
      if (options.stat) {
        const { size, mtimeMs } = statSync(t.temp);
        written.set(t.file, { size, mtimeMs });
      }
    }
  } catch (error) {
    for (const temp of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of targets) renameSync(temp, target);
  for (const file of plan.stale) rmSync(path.join(root, file), { force: true });
  return written;
}
