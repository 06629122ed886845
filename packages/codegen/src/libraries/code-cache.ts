import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import vm from "node:vm";

/**
 * Where compiled library code is kept between runs: per machine, in the system's temporary
 * directory, as Node's own compile cache (Node 22) keeps it. Not under node_modules/.cache: it
 * holds no output and depends on no project.
 */
export const CODE_CACHE_DIR = path.join(tmpdir(), "contracts-code-cache");

/** How a module's compiled code was found: none yet, V8 accepted it, or V8 refused it (then recompiled). */
export type CodeCacheUse = "missing" | "accepted" | "rejected";

/**
 * A module loaded without an accepted cache carries the save of its cache until `saveCodeCaches`
 * writes it: kept on the loaded module (Node's module registry, process-wide as the library itself)
 * rather than in a list of this module's.
 */
const PENDING_SAVE = Symbol.for("@contracts/codegen.codeCache.save");
type PendingModule = Module & { [PENDING_SAVE]?: () => void };

/**
 * `require(id)` for a large CommonJS library, through a V8 code cache on disk: compiling the
 * TypeScript compiler (9 MB, which openapi-typescript needs) took about 0.45 s of every run,
 * 0.25 s with its code cached. Node 20 has no module compile cache (`module.enableCompileCache`
 * is Node 22), and the packages that add one (v8-compile-cache) save at process exit, which a
 * terminated worker thread never reaches, and keep only the code compiled while loading; here
 * `saveCodeCaches` is called once the run's work is done, so the cache also holds the functions
 * V8 compiled lazily during it.
 *
 * The module is registered in `require.cache` under its resolved path, so the library's own
 * `require(id)` (from another package resolving to the same file) gets this instance. The cache
 * file is named by a hash of the source and the V8 version, so a changed library is compiled
 * again (V8 itself would only compare the source's length); V8 also refuses data from other
 * flags, and a refused cache only costs the compile it would have saved.
 */
export function requireWithCodeCache(require: NodeJS.Require, id: string, dir = CODE_CACHE_DIR): { exports: unknown; cache: CodeCacheUse } {
  const file = require.resolve(id);
  const loaded = require.cache[file];
  if (loaded) return { exports: loaded.exports, cache: "accepted" };
  // Read as bytes and decoded here: Node 20's readFileSync(file, "utf8") took 0.2 s on the
  // compiler's 9 MB, against 0.1 s for both steps (and hashing bytes is cheaper than a string).
  const bytes = readFileSync(file);
  const source = bytes.toString("utf8");
  const cacheFile = path.join(
    dir,
    `${path.basename(file, path.extname(file))}-${createHash("sha256").update(bytes).update(`\0${process.versions.v8}`).digest("hex").slice(0, 32)}.bin`,
  );
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // Not cached yet (or the directory was cleared): compiled from source, saved later.
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = new Module(file);
  module.filename = file;
  module.paths = [];
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  const cache: CodeCacheUse = cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted";
  if (cache !== "accepted") (module as PendingModule)[PENDING_SAVE] = () => writeAtomically(cacheFile, script.createCachedData());
  return { exports: module.exports, cache };
}

/**
 * Writes the code caches of modules loaded without an accepted one. Best effort, like every
 * cache here: a failure (read-only or full temporary directory) only costs the next run time.
 */
export function saveCodeCaches(): void {
  for (const module of Object.values(createRequire(import.meta.url).cache) as (PendingModule | undefined)[]) {
    const save = module?.[PENDING_SAVE];
    if (!module || !save) continue;
    delete module[PENDING_SAVE];
    try {
      save();
    } catch {
      // The cache can only save time.
    }
  }
}

/** Under a temporary name first, so a reader never sees half a file (a run may end mid-write). */
function writeAtomically(file: string, data: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
