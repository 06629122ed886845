import { execFile } from "node:child_process";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalSchema, makeProject, REPO_ROOT, runCli, runCliWithEnv, snapshotTree } from "./helpers.js";

const TYPES_FILE = "packages/types/src/generated/connector-with-status.ts";
let canonical: Record<string, unknown>;
beforeAll(async () => {
  canonical = await canonicalSchema();
});

describe("contracts generate", () => {
  it("writes every output, then nothing when run again", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    const first = await runCli("generate", "--root", root);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^contracts generate: (\d+) written, 0 unchanged, 0 removed; 3 of 3 entities emitted, the rest cached \(\d+\.\d\ds\)$/);
    const written = Number(/(\d+) written/.exec(first.stdout)?.[1]);
    const { mtimeMs } = await stat(path.join(root, TYPES_FILE));

    const second = await runCli("generate", "--root", root);
    expect(second.stdout).toMatch(new RegExp(`^contracts generate: 0 written, ${written} unchanged, 0 removed; 0 of 3 entities emitted`));
    expect((await stat(path.join(root, TYPES_FILE))).mtimeMs).toBe(mtimeMs);
  });

  it("rewrites only the file that changed and removes stale generated files", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    await writeFile(path.join(root, TYPES_FILE), "// edited by hand\n");
    await writeFile(path.join(root, "packages/types/src/generated/old-entity.ts"), "export {};\n");

    const run = await runCli("generate", "--root", root);
    expect(run.stdout).toMatch(/^contracts generate: 1 written, \d+ unchanged, 1 removed/);
    expect(await readFile(path.join(root, TYPES_FILE), "utf8")).toContain("export interface ConnectorWithStatus {");
    await expect(stat(path.join(root, "packages/types/src/generated/old-entity.ts"))).rejects.toThrow(/ENOENT/);
  });

  it("leaves no temporary file behind", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    const files = [...(await snapshotTree(root)).keys()];
    expect(files.filter((f) => f.includes(".contracts-tmp-"))).toEqual([]);
  });

  it("is byte-identical from two different checkout paths", async () => {
    const a = await makeProject({ "connector-with-status.schema.json": canonical }, "contracts-a-");
    const b = await makeProject({ "connector-with-status.schema.json": canonical }, "contracts-determinism-b-longer-path-");
    await runCli("generate", "--root", a);
    await runCli("generate", "--root", b);
    const treeA = await snapshotTree(a);
    const treeB = await snapshotTree(b);
    expect([...treeA.keys()]).toContain(TYPES_FILE);
    expect(treeB).toEqual(treeA);
    for (const [file, contents] of treeA) {
      if (file.startsWith("schemas/") || file.startsWith("node_modules/")) continue;
      expect(contents.endsWith("\n"), file).toBe(true);
      expect(contents.includes("\r"), file).toBe(false);
      expect(contents.includes(a), file).toBe(false);
    }
  });
});

describe("contracts generate under CI (frozen)", () => {
  it("writes nothing and fails listing stale files when CI is set", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    await writeFile(path.join(root, TYPES_FILE), "// edited\n");
    const before = await snapshotTree(root);
    const run = await runCliWithEnv({ CI: "true" }, "generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^contracts generate --frozen: 1 generated file is out of date:\n {2}changed  packages\/types\/src\/generated\/connector-with-status\.ts\n/,
    );
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("passes when the committed output is current, and --no-frozen writes", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    expect((await runCliWithEnv({ CI: "1" }, "generate", "--root", root)).code).toBe(1);
    expect((await runCliWithEnv({ CI: "1" }, "generate", "--no-frozen", "--root", root)).code).toBe(0);
    const run = await runCliWithEnv({ CI: "true" }, "generate", "--root", root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/up to date \(\d+\.\d+s\), frozen: nothing written$/);
    expect((await runCliWithEnv({ CI: "false" }, "generate", "--root", root)).stdout).toMatch(/^contracts generate: 0 written/);
  });
});

describe("contracts check", () => {
  it("passes on fresh output and writes nothing", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    const before = await snapshotTree(root);
    const run = await runCli("check", "--root", root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^contracts check: \d+ generated files up to date/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("fails listing every edited, missing and stale file, and writes nothing", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    await writeFile(path.join(root, TYPES_FILE), "// edited\n");
    await rm(path.join(root, "packages/types/src/generated/index.ts"));
    await writeFile(path.join(root, "packages/types/src/generated/stale.ts"), "export {};\n");
    const before = await snapshotTree(root);

    const run = await runCli("check", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "contracts check: 3 generated files are out of date:",
        `  changed  ${TYPES_FILE}`,
        "  missing  packages/types/src/generated/index.ts",
        "  stale    packages/types/src/generated/stale.ts",
        "fix: run `npm run generate` and commit the result (generated files are never edited by hand).",
      ].join("\n"),
    );
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("fails after a schema change until generate runs", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    await runCli("generate", "--root", root);
    const properties = { ...(canonical["properties"] as object), name: { type: "string", description: "Shown in the UI." } };
    await writeFile(path.join(root, "schemas/connector-with-status.schema.json"), JSON.stringify({ ...canonical, properties }));
    expect((await runCli("check", "--root", root)).stderr).toContain(`changed  ${TYPES_FILE}`);
    await runCli("generate", "--root", root);
    expect((await runCli("check", "--root", root)).code).toBe(0);
  });
});

describe("the contracts binary", () => {
  const bin = path.join(REPO_ROOT, "packages/codegen/bin/contracts.js");
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [bin, ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("exits 1 with a located message and no stack trace on bad input", async () => {
    const root = await makeProject({ "connector-with-status.schema.json": '{"title": ' });
    const result = await run(["generate", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^schemas\/connector-with-status\.schema\.json:1:11: is not valid JSON/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("exits 1 with usage on an unknown command", async () => {
    const result = await run(["frobnicate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain("Usage: contracts <command>");
  });

  it("runs the worker thread's emitters with the config's targets: the 3.0 document off lifts its refusals there too", async () => {
    // The OpenAPI emitter runs in the worker thread, which builds its own model: before, that model
    // lacked the config's targets, so only a run without the worker (tests, watch) lifted them.
    const tagSet = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://contracts.dev/schemas/tag-set.schema.json",
      title: "TagSet",
      type: "object",
      patternProperties: { "^x-": { type: "string" } },
      additionalProperties: false,
    };
    const root = await makeProject({ "tag-set.schema.json": tagSet });
    // --no-frozen: under CI=true, generate only checks (the README's "frozen" default).
    const refused = await run(["generate", "--no-frozen", "--root", root]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("at /patternProperties: cannot be expressed in OpenAPI 3.0.3");
    await writeFile(path.join(root, "contracts.config.json"), JSON.stringify({ targets: { openapi30: false } }));
    const result = await run(["generate", "--no-frozen", "--root", root]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    if (availableParallelism() >= 2) expect(result.stdout).toContain("emitted on 2 threads");
    const document = JSON.parse(await readFile(path.join(root, "packages/openapi/generated/openapi.json"), "utf8"));
    expect(document.components.schemas.TagSet.patternProperties).toEqual({ "^x-": { type: "string" } });
    expect(await run(["check", "--root", root])).toMatchObject({ code: 0 });
  });

  it("checks this repository's committed outputs", async () => {
    const result = await run(["check", "--root", REPO_ROOT]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
