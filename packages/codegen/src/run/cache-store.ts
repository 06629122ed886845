import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EntityResults } from "../emit/emitter.js";
import { compareCodeUnits } from "../errors.js";
import type { Json } from "../model/types.js";

export interface CacheStore {
  read(key: string): Promise<EntityResults | undefined>;
  write(key: string, value: EntityResults): Promise<void>;
  /**
   * Puts what this run wrote where the next run reads it: called once a run ends, whatever its
   * outcome. `keep`: the keys still worth keeping, when the store outlives a run (a watch
   * session's); by default the ones this store read or wrote.
   */
  flush(keep?: ReadonlySet<string>): void;
  /**
   * Generated files this store read from disk during this run and found as the cache expected,
   * path → contents: the write stage need not read them again to know they are unchanged.
   */
  readonly onDisk?: ReadonlyMap<string, string>;
}

/** Where tools keep caches by convention; `npm ci` clears it with node_modules. */
export const CACHE_DIR = "node_modules/.cache/contracts";

/** The one file of the file cache, in CACHE_DIR: every entry of the last run, a line each. */
export const CACHE_FILE = "entries.tsv";

/**
 * A cache of per-entity results: one file (CACHE_FILE) holding an entry per key, read once when
 * the run first asks and written once when it ends. One file rather than one per entry: a
 * run on 200 schemas had written about 600 entry files, each a file creation that costs this
 * machine's disk 20 µs in one minute and 0.6 ms in another, and the folder only ever grew (an
 * entry per key any run had made). The file keeps the entries this store read or wrote, so it
 * holds about one run's entries. A file that cannot be read (missing, truncated, from another
 * format) is an empty cache: the cache can only save time, never change output, since a key
 * already covers every input.
 *
 * An entry stores its files' hashes, not their contents: the contents are the generated files
 * themselves, on disk, and a hit reads them back and checks each hash (a file edited, deleted or
 * overwritten since makes the entry a miss, so the entity is emitted again). Storing the contents
 * as well doubled what a full run wrote (22 MB for 200 entities, half a second) and what a run
 * after one change parsed.
 */
export function fileCache(root: string, options: { recordReads?: boolean } = {}): CacheStore {
  const dir = path.join(root, CACHE_DIR);
  const file = path.join(dir, CACHE_FILE);
  // Only for one run: a long-lived store would hold every output it ever read.
  const onDisk = options.recordReads ? new Map<string, string>() : undefined;
  // Entries as their JSON text, key → text: the file is a line per entry (`<key>\t<entry>`), so
  // loading it splits lines and parses only the entries a run asks for, and writing it joins the
  // texts kept. About 4 MB for 200 schemas (an OpenAPI part is most of an entry), which a
  // whole-file JSON.stringify after every save of a watch session would redo.
  let stored: Map<string, string> | undefined;
  const kept = new Map<string, string>();
  let wrote = false;
  const load = (): Map<string, string> => {
    if (stored) return stored;
    stored = new Map();
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      // No cache yet, or not readable: every key a miss.
    }
    for (const line of text.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) stored.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return stored;
  };
  return {
    ...(onDisk ? { onDisk } : {}),
    async read(key) {
      const text = load().get(key);
      if (text === undefined) return undefined;
      try {
        const hit = JSON.parse(text) as StoredEntity;
        const entity: Record<string, { files: [string, string][]; part?: Json }> = {};
        for (const [emitter, result] of Object.entries(hit)) {
          const files = result.files.map(([file, hash]): [string, string] | undefined => {
            const contents = readFileSync(path.join(root, file), "utf8");
            return hashOf(contents) === hash ? [file, contents] : undefined;
          });
          if (files.some((f) => f === undefined)) return undefined;
          entity[emitter] = { files: files as [string, string][], ...(result.part === undefined ? {} : { part: result.part }) };
        }
        if (onDisk) for (const result of Object.values(entity)) for (const [file, contents] of result.files) onDisk.set(file, contents);
        kept.set(key, text);
        return entity;
      } catch {
        return undefined;
      }
    },
    async write(key, value) {
      const entry: StoredEntity = {};
      for (const [emitter, result] of Object.entries(value)) {
        entry[emitter] = {
          files: result.files.map(([file, contents]) => [file, hashOf(contents)]),
          ...(result.part === undefined ? {} : { part: result.part }),
        };
      }
      kept.set(key, JSON.stringify(entry));
      wrote = true;
    },
    flush(keep) {
      // Only a run that emitted something rewrites the file (dropping what it did not use): a run
      // that took everything from the cache, or failed before emitting, leaves it as it is.
      if (!wrote) return;
      // Deleting while iterating a Map visits every remaining key once.
      if (keep) for (const key of kept.keys()) if (!keep.has(key)) kept.delete(key);
      const lines = [...kept].sort(([a], [b]) => compareCodeUnits(a, b)).map(([key, text]) => `${key}\t${text}\n`);
      // Staged and renamed: a reader (another run) sees the old file or the new one, never a part.
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, lines.join(""));
        renameSync(temp, file);
        stored = new Map(kept);
        wrote = false;
      } catch {
        // The cache only saves time: a full disk or a read-only node_modules must not fail a run.
        try {
          rmSync(temp, { force: true });
        } catch {
          // Not ours to remove (a directory stands there).
        }
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
    flush() {
      // The entries this run used, as the memory keeps them: a long session's file stays one run's size.
      behind?.flush(new Set(current.keys()));
    },
    nextRun() {
      previous = current;
      current = new Map();
    },
  };
}
