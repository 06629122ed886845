import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EntityRunner } from "../core/runner.js";
import type { Emitter, EntityOutcome } from "../emit/emitter.js";
import { InternalError } from "../errors.js";
import type { ProjectConfig } from "../load/config.js";
import type { RawSchemaFile } from "../load/read.js";
import type { Model } from "../model/types.js";
import { phase } from "./timings.js";

/** What the worker is asked: the run's sources and what its model adds to them (`forRun`). */
export interface EmitRequest {
  readonly files: readonly RawSchemaFile[];
  readonly entities: readonly string[];
  readonly emitters: readonly string[];
  readonly config: ProjectConfig;
  readonly packages: Model["packages"];
}

/** A worker thread that loads its emitters' libraries as soon as it starts. */
export interface EmitWorker {
  /**
   * Runs the named emitters' entity steps for the named entities of the (validated) sources
   * `files` (call once). The sources travel with the request, so both threads emit from the same
   * text even if a schema is saved during the run.
   */
  emit(request: EmitRequest): Promise<Map<string, EntityOutcome>>;
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
  const workerFile = fileURLToPath(new URL("./worker-thread.js", import.meta.url));
  if (availableParallelism() < 2 || !existsSync(workerFile)) return undefined;
  // It loads the registry's emitters of `thread: "worker"` itself: importing the registry here
  // would load the codegen before the worker starts.
  const worker = new Worker(workerFile);
  // A worker that is never asked (bad input, everything cached) must not keep the process alive.
  worker.unref();
  let failure: unknown;
  worker.once("error", (error) => (failure ??= error));
  let closed = false;
  return {
    emit(request) {
      return new Promise((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        worker.ref();
        worker.once("message", (message: { ok: true; outcomes: [string, EntityOutcome][] } | { ok: false; error: string }) => {
          if (message.ok) resolve(new Map(message.outcomes));
          else reject(new InternalError(`emitting in a worker thread failed:\n${message.error}`));
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new InternalError(`the emit worker exited (code ${code}) before answering`)));
        worker.postMessage(request);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}

/** A runner that splits each run across two threads; see `workerRunner`. */
export interface WorkerRunner extends EntityRunner {
  /** Threads that ran entity steps (1 until the worker was asked). */
  readonly threads: number;
}

/**
 * Runs the entity steps of the `registry`'s emitters that declare `thread: "worker"` in `worker`
 * and the others' with `here`, at the same time (an emitter not in the registry stays here: the
 * worker knows only the registry). Aggregates run here.
 */
export function workerRunner(worker: EmitWorker, here: EntityRunner, registry: readonly Emitter[]): WorkerRunner {
  let threads = 1;
  return {
    get threads() {
      return threads;
    },
    async entities(run, names) {
      const there = run.emitters.filter((e) => e.thread === "worker" && registry.includes(e));
      if (names.length === 0 || there.length === 0) return here.entities(run, names);
      threads = 2;
      const mine = run.emitters.filter((e) => !there.includes(e));
      const [theirs, ours] = await Promise.all([
        worker.emit({ files: run.files, entities: names, emitters: there.map((e) => e.name), config: run.config, packages: run.model.packages }),
        here.entities({ ...run, emitters: mine }, names).then((outcomes) => {
          phase("main thread: entities emitted");
          return outcomes;
        }),
      ]);
      const merged = new Map<string, EntityOutcome>();
      for (const name of names) {
        const a = theirs.get(name);
        const b = ours.get(name);
        if (!a || !b) throw new InternalError(`no results for entity ${name}`);
        merged.set(name, { results: { ...a.results, ...b.results }, problems: [...a.problems, ...b.problems] });
      }
      return merged;
    },
    aggregate(run, emitter, parts) {
      return here.aggregate(run, emitter, parts);
    },
  };
}
