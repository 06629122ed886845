import type { EntityRunner } from "../core/runner.js";
import type { Emitter } from "../emit/emitter.js";
import { parseSchemaText, type ParseResult } from "../load/parse.js";
import type { ProjectConfig } from "../load/config.js";
import type { RawSchemaFile } from "../load/read.js";
import type { OnDisk } from "../write/plan.js";
import { cachedRunner, type CachedRunner } from "./cache.js";
import { fileCache, memoryCache, type MemoryCache } from "./cache-store.js";
import { codegenFingerprint, runFingerprint } from "./fingerprint.js";

/**
 * What a long-running process (`contracts watch`) keeps between runs, so a save costs what it
 * changed rather than a fresh start: entity results in memory, schema files parsed already (by
 * text), and the outputs as it left them on disk. Libraries stay loaded by themselves.
 */
export interface Session {
  /** Starts a run over `files`: returns `inner` behind the session's memory cache, the session's `parse`, and `flush` for the run's end. */
  /** `config`: the project's config this run (it shapes outputs, so it is part of the cache key). */
  nextRun(
    inner: EntityRunner,
    files: readonly RawSchemaFile[],
    config: ProjectConfig,
  ): { runner: CachedRunner; parse: (file: string, text: string) => ParseResult; flush: () => void };
  readonly onDisk: Map<string, OnDisk>;
}

export function newSession(root: string, emitters: readonly Emitter[]): Session {
  const cache: MemoryCache = memoryCache(fileCache(root));
  const parsed = new Map<string, { readonly text: string; readonly result: ParseResult }>();
  // The codegen's code does not change under a running process: hashed once per session.
  const fingerprint = codegenFingerprint(emitters);
  return {
    onDisk: new Map(),
    nextRun(inner, files, config) {
      cache.nextRun();
      const present = new Set(files.map((f) => f.file));
      for (const file of parsed.keys()) if (!present.has(file)) parsed.delete(file);
      const parse = (file: string, text: string): ParseResult => {
        const before = parsed.get(file);
        const result = before?.text === text ? before.result : parseSchemaText(file, text);
        parsed.set(file, { text, result });
        return result;
      };
      return { runner: cachedRunner(inner, cache, runFingerprint(fingerprint, config)), parse, flush: () => cache.flush() };
    },
  };
}
