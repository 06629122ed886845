import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codegenFingerprint } from "../src/cache/fingerprint.js";
import { memoryCache } from "../src/cache/store.js";
import { readSchemaFiles } from "../src/load/read.js";
import { emitAll, modelFromFiles } from "../src/pipeline.js";
import { canonicalSchema, makeProject } from "./helpers.js";

describe("the codegen fingerprint (the cache's codegen version)", () => {
  it("changes with the codegen's code, not with source maps", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "contracts-fingerprint-"));
    await writeFile(path.join(dir, "a.js"), "export const a = 1;\n");
    const first = codegenFingerprint(dir);
    expect(codegenFingerprint(dir)).toBe(first);
    await writeFile(path.join(dir, "a.js.map"), "{}");
    expect(codegenFingerprint(dir)).toBe(first);
    await writeFile(path.join(dir, "a.js"), "export const a = 2;\n");
    const edited = codegenFingerprint(dir);
    expect(edited).not.toBe(first);
    await writeFile(path.join(dir, "b.cjs"), "module.exports = {};\n");
    expect(codegenFingerprint(dir)).not.toBe(edited);
  });

  it("changes with the libraries that shape output", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "contracts-fingerprint-"));
    expect(codegenFingerprint(dir, ["typescript"])).not.toBe(codegenFingerprint(dir, ["typebox"]));
  });

  it("is part of every entity's cache key: another codegen emits every entity again", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": await canonicalSchema() });
    const model = modelFromFiles(readSchemaFiles(root));
    const cache = memoryCache();
    expect((await emitAll(model, undefined, { cache, fingerprint: "codegen a" })).emitted).toBe(1);
    expect((await emitAll(model, undefined, { cache, fingerprint: "codegen a" })).emitted).toBe(0);
    expect((await emitAll(model, undefined, { cache, fingerprint: "codegen b" })).emitted).toBe(1);
  });
});
