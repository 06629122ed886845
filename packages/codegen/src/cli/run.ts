import { EnvironmentError, environmentError, formatProblem, isOsError, SchemaProblems } from "../errors.js";
import { generateProject } from "../pipeline.js";
import { applyPlan } from "../write/apply.js";
import type { EmitWorker } from "../parallel/split.js";
import type { Session } from "../session.js";
import { saveCodeCaches } from "../load/code-cache.js";
import { phase } from "../timings.js";
import { planWrites, recordOnDisk } from "../write/plan.js";
import { acquireLock, hasJournal, recover, type WriteLock } from "../write/transaction.js";
import type { Io } from "./io.js";

export type Command = "generate" | "check";

/**
 * One generate or check run over the project at `root`; prints its summary or its problems and
 * returns the exit code (0 ok, 1 bad input or drift, 2 internal error).
 */
export async function runOnce(command: Command, root: string, options: { frozen: boolean; list?: boolean; cache?: boolean; session?: Session; worker?: EmitWorker }, io: Io): Promise<number> {
  const started = performance.now();
  let lock: WriteLock | undefined;
  try {
    // check (and frozen generate) recompute everything: they must not trust anything on disk.
    const readOnly = command === "check" || options.frozen;
    const session = readOnly ? undefined : options.session;
    if (readOnly) {
      if (hasJournal(root)) io.err(`contracts ${command}: a \`contracts generate\` was interrupted while writing; run \`contracts generate\` to finish it.`);
    } else {
      lock = await acquireLock(root, command, { onWait: (holder) => io.err(`contracts ${command}: waiting for another contracts ${holder.command} (pid ${holder.pid}) to finish writing this project`) });
      const recovered = recover(root);
      if (recovered.action !== "none") io.err(`contracts ${command}: ${recovered.action} the writes of an interrupted run (${recovered.files} file${recovered.files === 1 ? "" : "s"})`);
    }
    const generated = await generateProject(root, {
      cache: !readOnly && (options.cache ?? true),
      ...(session ? { session } : {}),
      ...(options.worker ? { worker: options.worker } : {}),
    });
    if (generated.warnings?.length) {
      const n = generated.warnings.length;
      io.err(`contracts ${command}: ${n} warning${n === 1 ? "" : "s"} (rules the project config sets to "warn"):\n\n${generated.warnings.map(formatProblem).join("\n\n")}\n`);
    }
    const plan = planWrites(root, generated.outputs, generated.ownedRoots, session?.onDisk, generated.onDisk);
    phase("compared with disk");
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (command === "check" || options.frozen) {
      const label = command === "check" ? "contracts check" : "contracts generate --frozen";
      const drift = [
        ...plan.changed.map((f) => `  changed  ${f}`),
        ...plan.missing.map((f) => `  missing  ${f}`),
        ...plan.stale.map((f) => `  stale    ${f}`),
      ];
      if (drift.length === 0) {
        io.out(`contracts ${command}: ${plan.unchanged.length} generated files up to date (${seconds}s)${command === "check" ? "" : ", frozen: nothing written"}`);
        return 0;
      }
      io.err(`${label}: ${drift.length} generated file${drift.length === 1 ? " is" : "s are"} out of date:\n${drift.join("\n")}\nfix: run \`npm run generate\` and commit the result (generated files are never edited by hand).`);
      return 1;
    }
    // A watch session trusts the files it wrote by their size and mtime: only it needs the stats.
    const written = applyPlan(root, plan, generated.outputs, { stat: session !== undefined });
    phase("written");
    if (session) recordOnDisk(root, generated.outputs, plan, written, session.onDisk);
    // Up to the last file written: what a developer waits for.
    const total = ((performance.now() - started) / 1000).toFixed(2);
    const rewritten = [...plan.missing, ...plan.changed];
    const entities = generated.model.entities.length;
    io.out(
      `contracts generate: ${rewritten.length} written, ${plan.unchanged.length} unchanged, ${plan.stale.length} removed; ${generated.emitted} of ${entities} entit${entities === 1 ? "y" : "ies"} emitted${(generated.threads ?? 1) > 1 ? ` on ${generated.threads} threads` : ""}, the rest cached (${total}s)`,
    );
    if (options.list) {
      for (const file of rewritten) io.out(`  written  ${file}`);
      for (const file of plan.stale) io.out(`  removed  ${file}`);
    }
    return 0;
  } catch (error) {
    return reportFailure(command, error, io, root);
  } finally {
    lock?.release();
    options.worker?.close();
    // Libraries this thread loaded (a run without a worker thread): kept for the next run.
    saveCodeCaches();
  }
}

export function reportFailure(command: string, error: unknown, io: Io, root?: string): number {
  // An OS error no edge named is still the environment's, not a bug of ours.
  const failure = error instanceof EnvironmentError || !isOsError(error) || root === undefined ? error : environmentError(error, error.syscall ?? "use", error.path ?? root, root);
  if (failure instanceof EnvironmentError) {
    const state = root !== undefined && hasJournal(root) ? "the write stopped part way; the next `contracts generate` finishes it" : "no output was left half-written";
    io.err(`contracts ${command}: ${failure.message}; ${state}.\n  fix: ${failure.hint}`);
    return 1;
  }
  if (error instanceof SchemaProblems) {
    const files = new Set(error.problems.map((p) => p.file)).size;
    const n = error.problems.length;
    io.err(`contracts ${command}: ${n} problem${n === 1 ? "" : "s"} in ${files} schema file${files === 1 ? "" : "s"}; nothing was written.\n\n${error.problems.map(formatProblem).join("\n\n")}`);
    return 1;
  }
  io.err(`contracts ${command}: internal error (a bug in @contracts/codegen, please report it):\n${(error as Error).stack ?? String(error)}`);
  return 2;
}
