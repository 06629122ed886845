import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compareCodeUnits } from "../errors.js";

/** Libraries whose output lands in generated files: a new version may change it. */
const OUTPUT_LIBRARIES = ["json-schema-to-typescript", "typebox", "openapi-typescript", "js-yaml", "oxfmt", "get-east-asian-width", "emoji-regex", "narrow-emojis", "is-es5-identifier-name"];

/**
 * What "the codegen version" means for the cache: a hash of the codegen's own code (every file of
 * the directory it runs from, `dist/` or `src/`) and of the versions of the libraries that shape
 * its output. A package version alone would miss local edits and dependency updates.
 */
export async function codegenFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  for (const file of await listFiles(codeDir)) {
    hash.update(`\0${path.relative(codeDir, file)}\0`).update(await readFile(file));
  }
  const require = createRequire(import.meta.url);
  for (const name of OUTPUT_LIBRARIES) hash.update(`\0${name}@${await packageVersion(require, name)}`);
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (/\.(js|ts|mjs|json)$/.test(entry.name) && !entry.name.endsWith(".map")) out.push(full);
  }
  return out.sort(compareCodeUnits);
}

/** A package's version, found from its entry point (some packages do not export package.json). */
async function packageVersion(require: NodeJS.Require, name: string): Promise<string> {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(name));
  } catch {
    return "absent";
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? "unknown";
    } catch {
      // no package.json at this level: keep walking up
    }
  }
  return "unknown";
}
