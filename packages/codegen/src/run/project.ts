import { generate, type Generated } from "../core/generate.js";
import { inThreadRunner, type EntityRunner } from "../core/runner.js";
import type { Emitter } from "../emit/emitter.js";
import { derivedTargets, emitters as registry } from "../emit/index.js";
import { SchemaProblems, sortProblems, type Problem } from "../errors.js";
import { readConfig } from "../load/config.js";
import { readPublishedPackages } from "../load/packages.js";
import { readSchemaFiles, SCHEMA_DIR } from "../load/read.js";
import type { Model } from "../model/types.js";
import { checkPatterns } from "../validate/patterns.js";
import { cachedRunner } from "./cache.js";
import { fileCache } from "./cache-store.js";
import { codegenFingerprint, runFingerprint } from "./fingerprint.js";
import type { Session } from "./session.js";
import { phase } from "./timings.js";
import { workerRunner, type EmitWorker } from "./worker.js";

export interface ProjectRun extends Generated {
  /** Entities whose per-entity files were computed this run (the rest came from the cache). */
  readonly emitted: number;
  /** Threads that emitted them (1 unless the run was split across worker threads). */
  readonly threads: number;
  /** Generated files read from disk this run (by the cache) and found as expected. */
  readonly onDisk?: ReadonlyMap<string, string>;
  /** Problems of rules the project config sets to "warn": printed, generation goes on. */
  readonly warnings: readonly Problem[];
}

export interface ProjectOptions {
  readonly emitters?: readonly Emitter[];
  /** Take unchanged entities from the cache (default true). */
  readonly cache?: boolean;
  /** A watch session's state: its memory cache and parsed files (then no worker thread). */
  readonly session?: Session;
  /** A worker thread started early by the CLI; without one, every step runs in this thread. */
  readonly worker?: EmitWorker;
}

/**
 * The project at `root` through the pure core, with the runners composed around it: the
 * in-thread runner, the worker thread (its libraries loaded already) when given one, and the
 * cache (the session's, else the file cache). Everything up to, not including, the write stage.
 */
export async function generateProject(root: string, options: ProjectOptions = {}): Promise<ProjectRun> {
  phase("started");
  const emitters = options.emitters ?? registry;
  const { session, worker } = options;
  let flush: (() => void) | undefined;
  try {
    const config = readConfig(root);
    const files = readSchemaFiles(root);
    if (files.length === 0) {
      throw new SchemaProblems([
        {
          file: `${SCHEMA_DIR}/`,
          pointer: "",
          line: 1,
          column: 1,
          message: "no *.schema.json file found",
          hint: `add a schema such as ${SCHEMA_DIR}/my-entity.schema.json, or run contracts from the project root (or pass --root)`,
        },
      ]);
    }
    // A session's process has its libraries loaded already: a worker would only load them again.
    const split = worker && !session ? workerRunner(worker, inThreadRunner(), registry) : undefined;
    const inner: EntityRunner = split ?? inThreadRunner();
    const store = options.cache === false || session ? undefined : fileCache(root, { recordReads: true });
    const fromSession = session?.nextRun(inner, files, config);
    flush = fromSession?.flush ?? (store ? () => store.flush() : undefined);
    // The config shapes outputs (targets, ids a relaxed rule derives): part of what the cache keys.
    const fingerprint = runFingerprint(codegenFingerprint(emitters), config);
    const cached = fromSession?.runner ?? (store ? cachedRunner(inner, store, fingerprint) : undefined);
    // recheck runs off this thread, overlapping emitting.
    const level = config.rules["unsafe-patterns"];
    let warnings: Problem[] = [];
    const alongside = async (model: Model) => {
      const unsafe = sortProblems(await checkPatterns(model, level));
      if (level === "error" && unsafe.length > 0) throw new SchemaProblems(unsafe);
      warnings = unsafe;
    };
    const packages = readPublishedPackages(
      root,
      emitters.flatMap((e) => e.outputRoots),
    );
    const derived = emitters === registry ? derivedTargets : [];
    const generated = await generate(files, {
      emitters,
      runner: cached ?? inner,
      alongside,
      derived,
      packages,
      config,
      ...(fromSession ? { parse: fromSession.parse } : {}),
    });
    phase("generated");
    return {
      ...generated,
      emitted: cached?.emitted ?? generated.model.entities.length,
      threads: split?.threads ?? 1,
      ...(store?.onDisk ? { onDisk: store.onDisk } : {}),
      warnings: sortProblems([...generated.warnings, ...warnings]),
    };
  } finally {
    // The entries of the entities emitted, also when a later step failed: the next run starts from them.
    flush?.();
    worker?.close();
  }
}
