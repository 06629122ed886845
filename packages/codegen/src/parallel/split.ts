import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { InternalError } from "../errors.js";
import type { RawSchemaFile } from "../load/read.js";
import type { EntityOutcome } from "../pipeline.js";

/**
 * Below this many entities to emit, a worker costs more than it saves: it has to load the same
 * libraries (about a second) before doing anything.
 */
export const PARALLEL_THRESHOLD = 24;

/**
 * Emits in this thread and one worker thread per extra core at once, each taking an interleaved
 * share of the entities (neighbours in name order tend to be alike in size). The results are
 * merged in model order by the caller, so output does not depend on who emitted what.
 * Returns undefined when parallelism does not pay or is not available (running from sources
 * under a test runner, where there is no compiled worker).
 */
export function parallelEmitter(
  files: readonly RawSchemaFile[],
  here: (names: readonly string[]) => Promise<Map<string, EntityOutcome>>,
  used: { threads: number } = { threads: 1 },
): ((names: readonly string[]) => Promise<Map<string, EntityOutcome>>) | undefined {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  const threads = Math.min(availableParallelism(), 4);
  if (threads < 2 || !existsSync(workerFile)) return undefined;
  return async (names) => {
    if (names.length < PARALLEL_THRESHOLD) return here(names);
    const shares = Array.from({ length: threads }, (_, t) => names.filter((_, i) => i % threads === t));
    const [mine = [], ...theirs] = shares;
    used.threads = threads;
    const results = await Promise.all([here(mine), ...theirs.map((share) => inWorker(workerFile, files, share))]);
    return new Map(results.flatMap((r) => [...r]));
  };
}

function inWorker(workerFile: string, files: readonly RawSchemaFile[], names: readonly string[]): Promise<Map<string, EntityOutcome>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { files, names } });
    worker.once("message", (message: { ok: true; outcomes: [string, EntityOutcome][] } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(new Map(message.outcomes));
      else reject(new InternalError(`emitting in a worker thread failed:\n${message.error}`));
    });
    worker.once("error", reject);
  });
}
