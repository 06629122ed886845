import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, modelFromFiles } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import { emitters } from "../src/emit/index.js";
import { readSchemaFiles } from "../src/load/read.js";
import { cachedRunner, entityKey } from "../src/run/cache.js";
import { CACHE_DIR, CACHE_FILE, memoryCache } from "../src/run/cache-store.js";
import { DEFAULT_CONFIG } from "../src/load/config.js";
import { codegenFingerprint, runFingerprint } from "../src/run/fingerprint.js";
import { generateProject } from "../src/run/project.js";
import { canonicalSchema, makeProject } from "./helpers.js";

describe("the codegen fingerprint (the cache's codegen version)", () => {
  it("changes with the codegen's code, not with source maps", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "contracts-fingerprint-"));
    await writeFile(path.join(dir, "a.js"), "export const a = 1;\n");
    const first = codegenFingerprint(emitters, dir);
    expect(codegenFingerprint(emitters, dir)).toBe(first);
    await writeFile(path.join(dir, "a.js.map"), "{}");
    expect(codegenFingerprint(emitters, dir)).toBe(first);
    await writeFile(path.join(dir, "a.js"), "export const a = 2;\n");
    const edited = codegenFingerprint(emitters, dir);
    expect(edited).not.toBe(first);
    await writeFile(path.join(dir, "b.cjs"), "module.exports = {};\n");
    expect(codegenFingerprint(emitters, dir)).not.toBe(edited);
  });

  it("changes with the version of a library that shapes output", async () => {
    const code = await mkdtemp(path.join(tmpdir(), "contracts-fingerprint-"));
    // A project with one such library, resolved from a module beside it as the codegen resolves its own.
    const project = await mkdtemp(path.join(tmpdir(), "contracts-fingerprint-lib-"));
    const lib = path.join(project, "node_modules/shaping-lib");
    await mkdir(lib, { recursive: true });
    await writeFile(path.join(lib, "index.js"), "module.exports = {};\n");
    const from = path.join(project, "codegen.js");
    const at = async (version: string) => {
      await writeFile(path.join(lib, "package.json"), JSON.stringify({ name: "shaping-lib", version, main: "index.js" }));
      return codegenFingerprint([{ libraries: ["shaping-lib"] }], code, from);
    };
    const v1 = await at("1.0.0");
    expect(await at("1.0.0")).toBe(v1);
    expect(await at("1.0.1")).not.toBe(v1);
  });

  it("is what generate keys the cache with", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": await canonicalSchema() });
    await generateProject(root);
    const model = modelFromFiles(readSchemaFiles(root));
    const entity = model.entities[0]!;
    // The cache file is a line per entry: `<key>\t<entry>`.
    const keys = (await readFile(path.join(root, CACHE_DIR, CACHE_FILE), "utf8")).split("\n").map((line) => line.slice(0, line.indexOf("\t")));
    expect(keys).toContain(entityKey(entity, model, runFingerprint(codegenFingerprint(emitters), DEFAULT_CONFIG)));
  });

  it("is part of every entity's cache key: another codegen emits every entity again", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": await canonicalSchema() });
    const files = readSchemaFiles(root);
    const cache = memoryCache();
    const emitted = async (fingerprint: string) => {
      const runner = cachedRunner(inThreadRunner(), cache, fingerprint);
      await generate(files, { emitters, runner });
      return runner.emitted;
    };
    // The canonical entity and its two views (XInput, XPatch), each an entity of its own.
    expect(await emitted("codegen a")).toBe(3);
    expect(await emitted("codegen a")).toBe(0);
    expect(await emitted("codegen b")).toBe(3);
  });
});
