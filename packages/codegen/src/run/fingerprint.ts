import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Emitter } from "../emit/emitter.js";
import { compareCodeUnits } from "../errors.js";
import type { ProjectConfig } from "../load/config.js";

/** Where the codegen runs from: `dist/` when built, `src/` under the test runner. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What "the codegen version" means for the cache: a hash of the codegen's own code (every file of
 * the directory it runs from; not source maps) and of the versions of the libraries that shape its
 * output (each emitter's `libraries`), as this module resolves them. A package version alone would
 * miss local edits and dependency updates.
 */
export function codegenFingerprint(
  emitters: readonly Pick<Emitter, "libraries">[],
  codeDir: string = CODE_DIR,
  resolveFrom: string = fileURLToPath(import.meta.url),
): string {
  const libraries = [...new Set(emitters.flatMap((e) => e.libraries))];
  const hash = createHash("sha256");
  for (const file of listFiles(codeDir)) {
    hash.update(`\0${path.relative(codeDir, file)}\0`).update(readFileSync(file));
  }
  const require = createRequire(resolveFrom);
  for (const name of libraries) hash.update(`\0${name}@${packageVersion(require, name)}`);
  return hash.digest("hex");
}

/**
 * What a run's cache keys start from: the codegen's fingerprint and the project's config, which
 * shapes outputs too (targets, the `$id` a relaxed rule derives).
 */
export function runFingerprint(codegen: string, config: ProjectConfig): string {
  return `${codegen}\0${JSON.stringify(config)}`;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(js|cjs|ts|mjs|json)$/.test(entry.name)) out.push(full);
  }
  return out.sort(compareCodeUnits);
}

/** A package's version, found from its entry point (some packages do not export package.json). */
function packageVersion(require: NodeJS.Require, name: string): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(name));
  } catch {
    return "absent";
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? "unknown";
    } catch {
      // no package.json at this level: keep walking up
    }
  }
  return "unknown";
}
