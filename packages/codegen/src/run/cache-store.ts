import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EntityResults } from "../emit/emitter.js";
import type { Json } from "../model/types.js";

export interface CacheStore {
  read(key: string): Promise<EntityResults | undefined>;
  write(key: string, value: EntityResults): Promise<void>;
  /**
   * Generated files this store read from disk during this run and found as the cache expected,
   * path → contents: the write stage need not read them again to know they are unchanged.
   */
  readonly onDisk?: ReadonlyMap<string, string>;
}

/** Where tools keep caches by convention; `npm ci` clears it with node_modules. */
export const CACHE_DIR = "node_modules/.cache/contracts";

/**
 * A cache of per-entity results, one JSON file per key. Reads that fail (missing, truncated by a
 * killed run, from another format) count as misses: the cache can only save time, never change
 * output, since a key already covers every input.
 *
 * An entry stores its files' hashes, not their contents: the contents are the generated files
 * themselves, on disk, and a hit reads them back and checks each hash (a file edited, deleted or
 * overwritten since makes the entry a miss, so the entity is emitted again). Storing the contents
 * as well doubled what a full run wrote (22 MB for 200 entities, half a second) and what a run
 * after one change parsed.
 */
export function fileCache(root: string, options: { recordReads?: boolean } = {}): CacheStore {
  const dir = path.join(root, CACHE_DIR);
  // Only for one run: a long-lived store would hold every output it ever read.
  const onDisk = options.recordReads ? new Map<string, string>() : undefined;
  let madeDir = false;
  return {
    ...(onDisk ? { onDisk } : {}),
    async read(key) {
      try {
        const stored = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8")) as StoredEntity;
        const entity: Record<string, { files: [string, string][]; part?: Json }> = {};
        for (const [emitter, result] of Object.entries(stored)) {
          const files = result.files.map(([file, hash]): [string, string] | undefined => {
            const contents = readFileSync(path.join(root, file), "utf8");
            return hashOf(contents) === hash ? [file, contents] : undefined;
          });
          if (files.some((f) => f === undefined)) return undefined;
          entity[emitter] = { files: files as [string, string][], ...(result.part === undefined ? {} : { part: result.part }) };
        }
        if (onDisk) for (const result of Object.values(entity)) for (const [file, contents] of result.files) onDisk.set(file, contents);
        return entity;
      } catch {
        return undefined;
      }
    },
    async write(key, value) {
      const stored: StoredEntity = {};
      for (const [emitter, result] of Object.entries(value)) {
        stored[emitter] = {
          files: result.files.map(([file, contents]) => [file, hashOf(contents)]),
          ...(result.part === undefined ? {} : { part: result.part }),
        };
      }
      // Written in place, not staged and renamed: an entry cut short (a killed run, a reader
      // racing the writer) is not JSON, so it reads as a miss; two runs writing one key write
      // the same bytes (the key covers every input).
      try {
        if (!madeDir) mkdirSync(dir, { recursive: true });
        madeDir = true;
        writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(stored));
      } catch {
        // The cache only saves time: a full disk or a read-only node_modules must not fail a run.
      }
    },
  };
}

/** An entry on disk: each file's hash in place of its contents. */
type StoredEntity = Record<string, { files: [string, string][]; part?: Json }>;

function hashOf(contents: string): string {
  return createHash("sha256").update(contents).digest("base64url");
}

/** A cache kept in memory in front of another; see `memoryCache`. */
export interface MemoryCache extends CacheStore {
  /** Starts a new run: entries neither read nor written during the previous run are dropped. */
  nextRun(): void;
}

/**
 * A cache kept in memory in front of another (the file cache): what a long-running `contracts
 * watch` uses, so a save does not re-read every unchanged entity's results from disk. Writes go
 * to both, so a later `contracts generate` starts warm. Entries a whole run did not use are
 * dropped, so memory stays at about one run's results however long it watches.
 */
export function memoryCache(behind?: CacheStore): MemoryCache {
  let current = new Map<string, EntityResults>();
  let previous = new Map<string, EntityResults>();
  return {
    async read(key) {
      const hit = current.get(key) ?? previous.get(key) ?? (await behind?.read(key));
      if (hit) current.set(key, hit);
      return hit;
    },
    async write(key, value) {
      current.set(key, value);
      await behind?.write(key, value);
    },
    nextRun() {
      previous = current;
      current = new Map();
    },
  };
}
