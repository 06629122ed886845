import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Outputs } from "../emit/emitter.js";
import { atEdge } from "../errors.js";
import type { WritePlan } from "./plan.js";
import { removeJournal, writeJournal } from "./transaction.js";

/** Beside its target, so the rename that puts it in place stays on one file system. */
const TEMP_PREFIX = ".contracts-tmp-";

/**
 * Applies a plan as one transaction (see `transaction.ts`): every new file is first staged beside
 * its target under a temporary name, then the journal is committed, then they are renamed into
 * place and stale files removed. A failure while staging removes what was staged and leaves every
 * existing output untouched; a run killed after the commit is finished by the next one.
 *
 * Synchronous on purpose: this is a run's last step, with nothing else for the thread to do, and
 * on a project's hundreds of small files one synchronous call after another measured 2–3x faster
 * than batches of promises, which pay a thread-pool round trip per call.
 */
export function applyPlan(root: string, plan: WritePlan, outputs: Outputs, options: { stat?: boolean } = {}): Map<string, { size: number; mtimeMs: number }> {
  const written = new Map<string, { size: number; mtimeMs: number }>();
  const targets = [...plan.missing, ...plan.changed].map((file) => ({
    file,
    temp: path.posix.join(path.posix.dirname(file), `${TEMP_PREFIX}${process.pid}-${path.posix.basename(file)}`),
  }));
  if (targets.length === 0 && plan.stale.length === 0) return written;
  const at = (rel: string) => path.join(root, rel);
  writeJournal(root, { state: "staging", temps: targets.map((t) => t.temp) });
  try {
    for (const dir of new Set(targets.map(({ file }) => path.dirname(at(file))))) atEdge("create directory", dir, root, () => mkdirSync(dir, { recursive: true }));
    for (const t of targets) {
      atEdge("write", at(t.file), root, () => writeFileSync(at(t.temp), outputs.get(t.file) ?? "", "utf8"));
      // Taken from the staged file: a rename keeps size and mtime, and nobody else can have
      // touched a file under our temporary name (a watch session trusts these later).
      if (options.stat) {
        const { size, mtimeMs } = statSync(at(t.temp));
        written.set(t.file, { size, mtimeMs });
      }
    }
    writeJournal(root, { state: "committed", renames: targets.map((t) => [t.temp, t.file] as const), removals: plan.stale });
  } catch (error) {
    for (const t of targets) {
      try {
        rmSync(at(t.temp), { force: true });
      } catch {
        // Not a file this run wrote: something else (a directory) stands under that name.
      }
    }
    removeJournal(root);
    throw error;
  }
  // From here on the run's outputs are decided: a failure leaves the journal for the next run.
  for (const t of targets) atEdge("write", at(t.file), root, () => renameSync(at(t.temp), at(t.file)));
  for (const file of plan.stale) atEdge("remove", at(file), root, () => rmSync(at(file), { force: true }));
  removeJournal(root);
  return written;
}
