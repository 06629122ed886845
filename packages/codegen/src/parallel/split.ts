import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { InternalError } from "../errors.js";
import type { RawSchemaFile } from "../load/read.js";
import type { EntityOutcome } from "../pipeline.js";

/**
 * The emitters whose entity steps run in the worker thread, for every entity; the others run in
 * the main thread. Split by emitter, not by entity: most of a run's cost is loading libraries (and
 * warming up their code), and a thread that emits every target loads every library.
 * openapi-typescript brings the TypeScript compiler, the heaviest load; the types emitter
 * (json2ts, oxfmt) joins it because that split measured fastest on 200 entities (4.2 s, against
 * 4.4 s with validators moved there too and 4.7–5.1 s with fixtures there instead of types), while
 * the main thread loads TypeBox and Ajv and validates. Sharing one emitter's entities between the
 * threads was measured slower too: each thread then pays that emitter's loading and JIT warm-up
 * (5.0–5.7 s against 3.9–4.4 s with fixtures shared one third to the worker).
 */
export const WORKER_EMITTERS: readonly string[] = ["types", "openapi"];

/** A worker thread that loads its emitters' libraries as soon as it starts. */
export interface EmitWorker {
  /**
   * Runs the `WORKER_EMITTERS`' entity steps for the named entities of the (validated) sources
   * `files` (call once). The sources travel with the request, so both threads emit from the same
   * text even if a schema is saved during the run.
   */
  emit(files: readonly RawSchemaFile[], names: readonly string[]): Promise<Map<string, EntityOutcome>>;
  /** Stops it; safe to call at any time, more than once. */
  close(): void;
}

/**
 * Starts the worker as early as possible (the CLI does before loading the rest of the codegen),
 * so loading its libraries overlaps the main thread's loading, reading and validating. Returns
 * undefined where it cannot help: one core, or running from sources under a test runner, where
 * there is no compiled worker (the same pipeline then runs in one thread).
 */
export function startEmitWorker(): EmitWorker | undefined {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (availableParallelism() < 2 || !existsSync(workerFile)) return undefined;
  const worker = new Worker(workerFile, { workerData: { emitters: WORKER_EMITTERS } });
  // A worker that is never asked (bad input, everything cached) must not keep the process alive.
  worker.unref();
  let failure: unknown;
  worker.once("error", (error) => (failure ??= error));
  let closed = false;
  return {
    emit(files, names) {
      return new Promise((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        worker.ref();
        worker.once("message", (message: { ok: true; outcomes: [string, EntityOutcome][] } | { ok: false; error: string }) => {
          if (message.ok) resolve(new Map(message.outcomes));
          else reject(new InternalError(`emitting in a worker thread failed:\n${message.error}`));
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new InternalError(`the emit worker exited (code ${code}) before answering`)));
        worker.postMessage({ files, names });
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}
