import { createHash } from "node:crypto";
import { compareCodeUnits, InternalError, SchemaProblems, sortProblems, type Problem } from "./errors.js";
import { codegenFingerprint } from "./cache/fingerprint.js";
import { entityKey } from "./cache/key.js";
import { fileCache, type CachedEntity, type CacheStore } from "./cache/store.js";
import { mergeInto, type Emitter, type Outputs } from "./emit/emitter.js";
import { startEmitWorker, WORKER_EMITTERS, type EmitWorker } from "./parallel/split.js";
import { emitters as defaultEmitters } from "./emit/index.js";
import { parseSchemaText, type SourceFile } from "./load/parse.js";
import { readSchemaFiles, SCHEMA_DIR, type RawSchemaFile } from "./load/read.js";
import { buildModel } from "./model/build.js";
import type { Json, Model } from "./model/types.js";
import type { Session } from "./session.js";
import { validateSources } from "./validate/index.js";
import { checkPatterns } from "./validate/patterns.js";
import { readConfig } from "./load/config.js";
import { phase } from "./timings.js";

export interface Generated {
  readonly model: Model;
  readonly outputs: Outputs;
  readonly ownedRoots: readonly string[];
  /** Entities whose per-entity files were computed this run (the rest came from the cache). */
  readonly emitted: number;
  /** Threads that emitted them (1 unless the run was split across worker threads). */
  readonly threads?: number;
  /** Generated files read from disk this run (by the cache) and found as expected. */
  readonly onDisk?: ReadonlyMap<string, string>;
  /** Problems of rules the project config sets to "warn": printed, generation goes on. */
  readonly warnings?: readonly Problem[];
}

/** load → validate → model: throws `SchemaProblems` with every problem of every file. */
export function modelFromFiles(files: readonly RawSchemaFile[], parsedBefore?: Session["parsed"]): Model {
  const problems: Problem[] = [];
  const sources: SourceFile[] = [];
  const present = new Set(files.map((f) => f.file));
  if (parsedBefore) for (const file of [...parsedBefore.keys()]) if (!present.has(file)) parsedBefore.delete(file);
  for (const { file, text } of files) {
    const before = parsedBefore?.get(file);
    const parsed = before?.text === text ? before.result : parseSchemaText(file, text);
    parsedBefore?.set(file, { text, result: parsed });
    if (parsed.ok) sources.push(parsed.source);
    else problems.push(...parsed.problems);
  }
  problems.push(...validateSources(sources));
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  return buildModel(sources);
}

/**
 * The model of sources already validated elsewhere (a worker thread, while the main thread
 * validates the same files): parsing without the validation pass.
 */
export function modelFromFilesUnchecked(files: readonly RawSchemaFile[]): Model {
  return buildModel(
    files.map(({ file, text }) => {
      const parsed = parseSchemaText(file, text, { checked: true });
      if (!parsed.ok) throw new InternalError(`${file} did not parse in the worker`);
      return parsed.source;
    }),
  );
}

export interface EmitOptions {
  /** Per-entity results from earlier runs; without one, every entity is emitted. */
  readonly cache?: CacheStore;
  /** Required with a cache: part of every key. */
  readonly fingerprint?: string;
  /** Runs the entity steps of the entities the cache misses (default: here, one after another). */
  readonly emitEntities?: (names: readonly string[]) => Promise<Map<string, EntityOutcome>>;
}

/**
 * → emit: every emitter's `check`, then each entity's files (from the cache when its key is
 * unchanged), then the aggregate files. Problems from every emitter and entity are collected
 * and thrown together; a path claimed twice is our bug.
 */
export async function emitAll(model: Model, emitters: readonly Emitter[] = defaultEmitters, options: EmitOptions = {}): Promise<Generated> {
  const problems: Problem[] = [];
  const collect = (error: unknown) => {
    if (!(error instanceof SchemaProblems)) throw error;
    problems.push(...error.problems);
  };
  for (const emitter of emitters) {
    try {
      emitter.check?.(model);
    } catch (error) {
      collect(error);
    }
  }
  // An emitter's entity step relies on its check having passed (e.g. examples match their schema).
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  const outputs = new Map<string, string>();
  const parts = new Map(emitters.map((e) => [e.name, new Map<string, Json | undefined>()]));
  const { cache, fingerprint } = options;
  const keys = cache && fingerprint ? new Map(model.entities.map((e) => [e.name, entityKey(e, model, fingerprint)])) : undefined;
  const cachedByName = new Map<string, EntityOutcome>();
  for (const entity of model.entities) {
    const key = keys?.get(entity.name);
    const cached = key ? await cache?.read(key) : undefined;
    if (cached && emitters.every((e) => cached[e.name] !== undefined)) cachedByName.set(entity.name, { results: cached, problems: [] });
  }
  const misses = model.entities.filter((e) => !cachedByName.has(e.name)).map((e) => e.name);
  phase(`cache read: ${misses.length} to emit`);
  const computed = await (options.emitEntities ?? ((names) => emitEntities(model, emitters, names)))(misses);
  const toCache: [string, CachedEntity][] = [];
  for (const entity of model.entities) {
    const fresh = cachedByName.get(entity.name) ?? computed.get(entity.name);
    if (!fresh) throw new InternalError(`no results for entity ${entity.name}`);
    problems.push(...fresh.problems);
    for (const emitter of emitters) {
      const result = fresh.results[emitter.name];
      if (!result) continue;
      mergeInto(outputs, new Map(result.files), emitter.name);
      parts.get(emitter.name)?.set(entity.name, result.part);
    }
    const key = keys?.get(entity.name);
    if (key && !cachedByName.has(entity.name) && fresh.problems.length === 0) toCache.push([key, fresh.results]);
  }
  phase("entities emitted");
  for (const [key, value] of toCache) await cache?.write(key, value);
  phase("cache written");
  const emitted = misses.length;
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  // Aggregates read the model and the parts, which the entity keys cover: cached under all of them.
  for (const emitter of emitters) {
    const key = keys ? aggregateKey(emitter.name, [...keys.values()]) : undefined;
    const cached = key ? (await cache?.read(key))?.[emitter.name] : undefined;
    const files = cached ? new Map(cached.files) : await emitter.aggregate(model, parts.get(emitter.name) ?? new Map());
    if (key && !cached) await cache?.write(key, { [emitter.name]: { files: [...files] } });
    mergeInto(outputs, files, emitter.name);
  }
  phase("aggregates emitted");
  for (const [file, contents] of outputs) {
    if (!contents.endsWith("\n") || contents.includes("\r")) throw new InternalError(`${file}: output must use LF and end with a newline`);
  }
  const sorted = new Map([...outputs].sort(([a], [b]) => compareCodeUnits(a, b)));
  return { model, outputs: sorted, ownedRoots: emitters.flatMap((e) => e.outputRoots), emitted };
}

function aggregateKey(emitter: string, entityKeys: readonly string[]): string {
  return createHash("sha256").update(`aggregate\0${emitter}\0${entityKeys.join("\0")}`).digest("hex");
}

/** One entity's results per emitter, or the problems that stopped them. */
export interface EntityOutcome {
  readonly results: CachedEntity;
  readonly problems: readonly Problem[];
}

/** Runs every emitter's entity step for the named entities (in this thread). */
export async function emitEntities(model: Model, emitters: readonly Emitter[], names: readonly string[]): Promise<Map<string, EntityOutcome>> {
  const out = new Map<string, EntityOutcome>();
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  for (const name of names) {
    const entity = byName.get(name);
    if (!entity) throw new InternalError(`no entity ${name}`);
    const results: CachedEntity = {};
    const problems: Problem[] = [];
    for (const emitter of emitters) {
      try {
        const computed = await emitter.entity(entity, model);
        results[emitter.name] = { files: [...computed.files], ...(computed.part === undefined ? {} : { part: computed.part }) };
      } catch (error) {
        if (!(error instanceof SchemaProblems)) throw error;
        problems.push(...error.problems);
      }
    }
    out.set(name, { results, problems });
  }
  return out;
}

/** The whole pipeline up to (not including) the write stage, for the project at `root`. */
export async function generateProject(
  root: string,
  options: { emitters?: readonly Emitter[]; cache?: boolean; parallel?: boolean; session?: Session; worker?: EmitWorker } = {},
): Promise<Generated> {
  phase("started");
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
  const emitters = options.emitters ?? defaultEmitters;
  const { session } = options;
  // The worker runs default emitters only; a caller's own set stays in this thread. A session's
  // process has its libraries loaded already: a fresh worker would only make it wait for loading
  // again. The CLI starts it before loading the codegen; otherwise it starts here.
  const wanted = options.parallel !== false && !session && emitters === defaultEmitters;
  const worker = wanted ? (options.worker ?? startEmitWorker()) : undefined;
  if (!wanted) options.worker?.close();
  try {
    const model = modelFromFiles(files, session?.parsed);
    phase("validated");
    // Overlaps emitting: recheck runs off this thread. Awaited before anything is written.
    const level = config.rules["unsafe-patterns"];
    const patterns = checkPatterns(model, level);
    patterns.catch(() => undefined); // awaited below; emitting may throw first
    const used = { threads: 1 };
    const useCache = options.cache ?? true;
    session?.cache.nextRun();
    const cache = useCache ? (session?.cache ?? fileCache(root, { recordReads: true })) : undefined;
    const generated = await emitAll(model, emitters, {
      ...(cache ? { cache, fingerprint: fingerprintOnce() } : {}),
      ...(worker ? { emitEntities: splitByEmitter(files, model, emitters, worker, used) } : {}),
    });
    const unsafe = await patterns;
    if (level === "error" && unsafe.length > 0) throw new SchemaProblems(sortProblems(unsafe));
    return { ...generated, threads: used.threads, ...(cache?.onDisk ? { onDisk: cache.onDisk } : {}), ...(unsafe.length > 0 ? { warnings: sortProblems(unsafe) } : {}) };
  } finally {
    worker?.close();
  }
}

let fingerprint: string | undefined;

/** The codegen's code does not change under a running process: hashed once per process. */
function fingerprintOnce(): string {
  fingerprint ??= codegenFingerprint();
  return fingerprint;
}

/** Entity steps of the worker's emitters (`WORKER_EMITTERS`) there, of the others here, at the same time. */
function splitByEmitter(files: readonly RawSchemaFile[], model: Model, emitters: readonly Emitter[], worker: EmitWorker, used: { threads: number }) {
  return async (names: readonly string[]): Promise<Map<string, EntityOutcome>> => {
    if (names.length === 0) return new Map();
    used.threads = 2;
    const here = emitters.filter((e) => !WORKER_EMITTERS.includes(e.name));
    const [there, mine] = await Promise.all([
      worker.emit(files, names),
      emitEntities(model, here, names).then((outcomes) => {
        phase("main thread: entities emitted");
        return outcomes;
      }),
    ]);
    const merged = new Map<string, EntityOutcome>();
    for (const name of names) {
      const a = there.get(name);
      const b = mine.get(name);
      if (!a || !b) throw new InternalError(`no results for entity ${name}`);
      const outcome = { results: { ...a.results, ...b.results }, problems: [...a.problems, ...b.problems] };
      const missing = emitters.filter((e) => outcome.results[e.name] === undefined);
      if (missing.length > 0 && outcome.problems.length === 0) throw new InternalError(`no ${missing.map((e) => e.name).join(", ")} results for entity ${name}`);
      merged.set(name, outcome);
    }
    return merged;
  };
}
