import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_DIR, CACHE_FILE } from "../src/run/cache-store.js";
import { canonicalSchema, makeProject, runCli, runCliWithEnv, schemaId, snapshotTree } from "./helpers.js";

/** The entity of `schemas/<title in lower case>.schema.json`. */
const base = (title: string, properties: Record<string, unknown>, extra: object = {}) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: schemaId(`${title.toLowerCase()}.schema.json`),
  title,
  type: "object",
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

/** Owner is referenced by Pet; Tag stands alone. */
const owner = base(
  "Owner",
  { id: { type: "string" }, home: { $ref: "#/$defs/Address" } },
  { $defs: { Address: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false } } },
);
const pet = base("Pet", { name: { type: "string" }, owner: { $ref: "./owner.schema.json" } });
const tag = base("Tag", { label: { type: "string" } });

async function project() {
  return makeProject({
    "owner.schema.json": owner,
    "pet.schema.json": pet,
    "tag.schema.json": tag,
    "connector-with-status.schema.json": await canonicalSchema(),
  });
}

async function mtimes(root: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const file of (await snapshotTree(root)).keys()) {
    if (file.startsWith("packages/")) out.set(file, (await stat(path.join(root, file))).mtimeMs);
  }
  return out;
}

function changedFiles(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([file, t]) => before.get(file) !== t)
    .map(([file]) => file)
    .sort();
}

describe("incremental generate", () => {
  it("re-emits only the changed entity, and rewrites only its files and the aggregates that list it", async () => {
    const root = await project();
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 6 of 6 entities emitted");
    const before = await mtimes(root);

    await writeFile(path.join(root, "schemas/tag.schema.json"), JSON.stringify(base("Tag", { label: { type: "string", description: "Shown on the chip." } })));
    const run = await runCli("generate", "--root", root);
    expect(run.stdout).toContain("; 1 of 6 entities emitted");
    // A description reaches the Tag files and the documents that embed every schema, nothing else.
    expect(changedFiles(before, await mtimes(root))).toEqual([
      "packages/docs/pages/Tag.md",
      "packages/openapi/generated/openapi-3.0.json",
      "packages/openapi/generated/openapi-3.0.yaml",
      "packages/openapi/generated/openapi.json",
      "packages/openapi/generated/openapi.yaml",
      "packages/openapi/src/generated/documents.ts",
      "packages/openapi/src/generated/openapi-types.ts",
      "packages/types/src/generated/tag.ts",
      "packages/validators/src/generated/tag.ts",
    ]);
  });

  it("re-emits the entities that reference a changed schema", async () => {
    const root = await project();
    await runCli("generate", "--root", root);
    const changed = { ...owner, properties: { ...owner.properties, id: { type: "string", description: "Owner id." } } };
    await writeFile(path.join(root, "schemas/owner.schema.json"), JSON.stringify(changed));
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 2 of 6 entities emitted"); // Owner and Pet
  });

  it("produces the same bytes from the cache as without it", async () => {
    const root = await project();
    await runCli("generate", "--root", root);
    await writeFile(path.join(root, "schemas/tag.schema.json"), JSON.stringify(base("Tag", { label: { type: "integer" } })));
    await runCli("generate", "--root", root);
    const cached = await snapshotTree(root);

    const fresh = await project();
    await writeFile(path.join(fresh, "schemas/tag.schema.json"), JSON.stringify(base("Tag", { label: { type: "integer" } })));
    expect((await runCli("generate", "--no-cache", "--root", fresh)).stdout).toContain("; 6 of 6 entities emitted");
    const uncached = await snapshotTree(fresh);
    for (const tree of [cached, uncached]) for (const file of tree.keys()) if (file.startsWith("node_modules/")) tree.delete(file);
    expect(uncached).toEqual(cached);
    await expect(readdir(path.join(fresh, CACHE_DIR))).rejects.toThrow(/ENOENT/);
  });

  it("keeps hashes, not contents, in the cache: an output edited since is a miss and is restored", async () => {
    const root = await project();
    await runCli("generate", "--root", root);
    const petTypes = path.join(root, "packages/types/src/generated/pet.ts");
    const before = await readFile(petTypes, "utf8");
    const entries = await Promise.all((await readdir(path.join(root, CACHE_DIR))).map((n) => readFile(path.join(root, CACHE_DIR, n), "utf8")));
    expect(entries.some((e) => e.includes("packages/types/src/generated/pet.ts"))).toBe(true);
    expect(entries.some((e) => e.includes("export interface Pet"))).toBe(false);
    await writeFile(petTypes, `// edited by hand\n${before}`);
    const run = await runCli("generate", "--root", root);
    expect(run.stdout).toContain("; 1 of 6 entities emitted");
    expect(await readFile(petTypes, "utf8")).toBe(before);
  });

  it("keeps one cache file with the last run's entries, rewritten only when a run changes them", async () => {
    const root = await project();
    const cacheFile = path.join(root, CACHE_DIR, CACHE_FILE);
    const keys = async () =>
      (await readFile(cacheFile, "utf8"))
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.slice(0, line.indexOf("\t")))
        .sort();
    await runCli("generate", "--root", root);
    const first = await keys();
    await writeFile(path.join(root, "schemas/tag.schema.json"), JSON.stringify(base("Tag", { label: { type: "string", description: "Changed." } })));
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 1 of 6 entities emitted");
    const second = await keys();
    // Tag's entry and the aggregates' (their keys cover every entity's) are new; the old ones are gone.
    expect(second).toHaveLength(first.length);
    expect(second.filter((k) => !first.includes(k)).length).toBeGreaterThan(1);
    expect(await readdir(path.join(root, CACHE_DIR))).toEqual([CACHE_FILE]);
    const written = (await stat(cacheFile)).mtimeMs;
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 0 of 6 entities emitted");
    expect((await stat(cacheFile)).mtimeMs).toBe(written);
    expect(await keys()).toEqual(second);
  });

  it("still generates when the cache cannot be written", async () => {
    const root = await project();
    // A file where the cache directory should be: every cache write fails.
    await mkdir(path.join(root, "node_modules/.cache"), { recursive: true });
    await writeFile(path.join(root, CACHE_DIR), "not a directory");
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("; 6 of 6 entities emitted");
    expect((await runCli("check", "--root", root)).code).toBe(0);
  });

  it("treats an unreadable cache entry as a miss", async () => {
    const root = await project();
    await runCli("generate", "--root", root);
    const dir = path.join(root, CACHE_DIR);
    for (const name of await readdir(dir)) await writeFile(path.join(dir, name), "{ truncated");
    const before = await readFile(path.join(root, "packages/types/src/generated/pet.ts"), "utf8");
    const run = await runCli("generate", "--root", root);
    expect(run.stdout).toMatch(/^contracts generate: 0 written, \d+ unchanged, 0 removed; 6 of 6 entities emitted/);
    expect(await readFile(path.join(root, "packages/types/src/generated/pet.ts"), "utf8")).toBe(before);
  });

  it("never lets check trust the cache", async () => {
    const root = await project();
    await runCli("generate", "--root", root);
    // A cache entry that lies: Tag's types file edited by hand, and its new hash written into
    // every entry that lists it, so a run that reads the cache takes the edit as generated.
    const tagTypes = "packages/types/src/generated/tag.ts";
    const lie = "// lie\n";
    await writeFile(path.join(root, tagTypes), lie);
    const cacheFile = path.join(root, CACHE_DIR, CACHE_FILE);
    const lines = (await readFile(cacheFile, "utf8")).split("\n").filter((line) => line !== "");
    const lied = lines.map((line) => {
      const [key, text] = line.split("\t") as [string, string];
      const entry = JSON.parse(text) as Record<string, { files: [string, string][] }>;
      for (const result of Object.values(entry))
        result.files = result.files.map(([f, h]) => [f, f === tagTypes ? createHash("sha256").update(lie).digest("base64url") : h]);
      return `${key}\t${JSON.stringify(entry)}\n`;
    });
    await writeFile(cacheFile, lied.join(""));
    // The lie works on a run that may use the cache: nothing to emit, nothing written but the API
    // manifest, which is derived from the files (the lying one included).
    expect((await runCli("generate", "--root", root)).stdout).toMatch(/^contracts generate: 1 written, \d+ unchanged, 0 removed; 0 of 6 entities emitted/);
    const check = await runCli("check", "--root", root);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(tagTypes);
    // Nor does a frozen (CI) generate trust it.
    expect((await runCliWithEnv({ CI: "true" }, "generate", "--root", root)).code).toBe(1);
  });
});
