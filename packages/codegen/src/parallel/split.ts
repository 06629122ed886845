import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { InternalError } from "../errors.js";
import type { RawSchemaFile } from "../load/read.js";
import type { EntityOutcome } from "../pipeline.js";

/**
 * The emitters whose entity steps run in the worker thread. Split by emitter, not by entity:
 * most of a run's cost is loading libraries, and a thread that emits every target loads every
 * library. Both of these print with the TypeScript compiler (openapi-typescript builds its types
 * with it; the types emitter prints json2ts' output with it), the heaviest load, so one thread
 * pays it for both while the main thread loads TypeBox and Ajv and validates.
 */
export const WORKER_EMITTERS: readonly string[] = ["types", "openapi"];

/** A worker thread that loads its emitters' libraries and builds the model as soon as it starts. */
export interface EmitWorker {
  /** Names of the emitters it runs. */
  readonly emitters: ReadonlySet<string>;
  /** Runs its emitters' entity steps for these entities (call once). */
  emit(names: readonly string[]): Promise<Map<string, EntityOutcome>>;
  /** Stops it; safe to call at any time, more than once. */
  close(): void;
}

/**
 * Starts the worker, before the main thread validates, so the two overlap. Returns undefined
 * where it cannot help: one core, or running from sources under a test runner, where there is no
 * compiled worker (the same pipeline then runs in one thread).
 */
export function startEmitWorker(files: readonly RawSchemaFile[]): EmitWorker | undefined {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (availableParallelism() < 2 || !existsSync(workerFile)) return undefined;
  const worker = new Worker(workerFile, { workerData: { files, emitters: WORKER_EMITTERS } });
  // A worker that is never asked (bad input, everything cached) must not keep the process alive.
  worker.unref();
  let failure: unknown;
  worker.once("error", (error) => (failure ??= error));
  let closed = false;
  return {
    emitters: new Set(WORKER_EMITTERS),
    emit(names) {
      return new Promise((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        worker.ref();
        worker.once("message", (message: { ok: true; outcomes: [string, EntityOutcome][] } | { ok: false; error: string }) => {
          if (message.ok) resolve(new Map(message.outcomes));
          else reject(new InternalError(`emitting in a worker thread failed:\n${message.error}`));
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new InternalError(`the emit worker exited (code ${code}) before answering`)));
        worker.postMessage({ names });
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}
