import { fileCache, memoryCache, type MemoryCache } from "./cache/store.js";
import type { ParseResult } from "./load/parse.js";
import type { OnDisk } from "./write/plan.js";

/**
 * What a long-running process (`contracts watch`) keeps between runs, so a save costs what it
 * changed rather than a fresh start: entity results in memory, schema files parsed already (by
 * text), and the outputs as it left them on disk. Libraries stay loaded by themselves.
 */
export interface Session {
  readonly cache: MemoryCache;
  readonly parsed: Map<string, { readonly text: string; readonly result: ParseResult }>;
  readonly onDisk: Map<string, OnDisk>;
}

export function newSession(root: string): Session {
  return { cache: memoryCache(fileCache(root)), parsed: new Map(), onDisk: new Map() };
}
