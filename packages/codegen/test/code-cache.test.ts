import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

const MODULE = pathToFileURL(path.join(REPO_ROOT, "packages/codegen/dist/libraries/code-cache.js")).href;

/**
 * Loads `file` through the code cache in a new process (V8 also keeps compiled code in memory:
 * within one process the disk cache would not even be asked), saves, and reports.
 */
async function load(file: string, dir: string): Promise<{ cache: string; area: number; same: boolean }> {
  const script = `
    import { createRequire } from "node:module";
    import { requireWithCodeCache, saveCodeCaches } from ${JSON.stringify(MODULE)};
    const require = createRequire(${JSON.stringify(file)});
    const { exports, cache } = requireWithCodeCache(require, ${JSON.stringify(file)}, ${JSON.stringify(dir)});
    saveCodeCaches();
    console.log(JSON.stringify({ cache, area: exports.area(3, 4), same: require(${JSON.stringify(file)}) === exports && exports.self() === exports }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
  return JSON.parse(stdout);
}

const SOURCE = `"use strict";\nconst helper = require("node:path");\nfunction area(w, h) { return w * h; }\nmodule.exports = { area, sep: helper.sep, self: () => module.exports };\n`;

async function library(): Promise<{ file: string; dir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "contracts-code-cache-test-"));
  const file = path.join(root, "lib.cjs");
  await writeFile(file, SOURCE);
  return { file, dir: path.join(root, "cache") };
}

describe("the code cache for large libraries", () => {
  it("compiles from source the first time, then from the cache, and the module behaves the same", async () => {
    const { file, dir } = await library();
    expect(await load(file, dir)).toEqual({ cache: "missing", area: 12, same: true });
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^lib-[0-9a-f]{32}\.bin$/)]);
    // `same`: the library's own require() of the file gets this instance.
    expect(await load(file, dir)).toEqual({ cache: "accepted", area: 12, same: true });
  });

  it("recompiles when V8 refuses the cached data, and saves a good cache again", async () => {
    const { file, dir } = await library();
    await load(file, dir);
    const [name] = await readdir(dir);
    await writeFile(path.join(dir, name as string), "not V8's code cache");
    expect(await load(file, dir)).toEqual({ cache: "rejected", area: 12, same: true });
    expect(await load(file, dir)).toEqual({ cache: "accepted", area: 12, same: true });
  });

  it("does not use the cache of another version of the library", async () => {
    const { file, dir } = await library();
    await load(file, dir);
    // Same length, other code: V8 alone would take the old cache (it compares lengths only).
    await writeFile(file, SOURCE.replace("w * h", "w + h"));
    expect(await load(file, dir)).toEqual({ cache: "missing", area: 7, same: true });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it("still loads when the cache cannot be written", async () => {
    const { file, dir } = await library();
    await writeFile(dir, "a file where the cache directory would be");
    expect(await load(file, dir)).toEqual({ cache: "missing", area: 12, same: true });
  });
});
