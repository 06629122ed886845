import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { watch } from "../src/cli/watch.js";
import { CACHE_DIR, CACHE_FILE } from "../src/run/cache-store.js";
import { canonicalSchema, makeProject, runCli } from "./helpers.js";

const TYPES_FILE = "packages/types/src/generated/connector-with-status.ts";

/** `contracts watch` on `root`, with what it printed, each run's exit code and a way to await the next run. */
function startWatch(root: string, debounceMs: number) {
  const lines: string[] = [];
  const runs: number[] = [];
  let waiting: ((code: number) => void) | undefined;
  const nextRun = () => new Promise<number>((resolve) => (waiting = resolve));
  const controller = new AbortController();
  const first = nextRun();
  const watching = watch(
    root,
    { out: (s) => lines.push(s), err: (s) => lines.push(s) },
    {
      debounceMs,
      signal: controller.signal,
      onRun: (code) => {
        runs.push(code);
        waiting?.(code);
      },
    },
  );
  const stop = async () => {
    controller.abort();
    return watching;
  };
  return { lines, runs, first, nextRun, stop };
}

describe("contracts watch", () => {
  it("recovers when schemas/ is deleted and created again, and when the project is moved away and back", async () => {
    const canonical = await canonicalSchema();
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    const schemas = path.join(root, "schemas");
    const { lines, first, stop } = startWatch(root, 50);
    expect(await first).toBe(0);
    const waitFor = async (line: string) => {
      for (let i = 0; i < 400 && !lines.includes(line); i++) await new Promise((r) => setTimeout(r, 50));
      expect(lines).toContain(line);
    };

    await rm(schemas, { recursive: true });
    await waitFor("contracts watch: schemas/ is gone; waiting for it to come back");
    // The removal's own event may start a run (it fails: no schema); the one that counts is after.
    const generatedAgain = async (text: string) => {
      for (let i = 0; i < 400 && !(await readFile(path.join(root, TYPES_FILE), "utf8")).includes(text); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await readFile(path.join(root, TYPES_FILE), "utf8")).toContain(text);
    };
    await mkdir(schemas);
    await writeFile(path.join(schemas, "connector-with-status.schema.json"), JSON.stringify({ ...canonical, description: "Back again." }, null, 2));
    await waitFor("contracts watch: schemas/ is back");
    await generatedAgain("Back again.");

    // The watcher now follows the new folder: a save regenerates.
    await writeFile(path.join(schemas, "connector-with-status.schema.json"), JSON.stringify({ ...canonical, description: "Saved after." }, null, 2));
    await generatedAgain("Saved after.");

    // The whole project moved away and back (a branch switch by another tool, a rename).
    await rename(root, `${root}.away`);
    await new Promise((r) => setTimeout(r, 300));
    await rename(`${root}.away`, root);
    await new Promise((r) => setTimeout(r, 300));
    await writeFile(path.join(schemas, "connector-with-status.schema.json"), JSON.stringify({ ...canonical, description: "Moved back." }, null, 2));
    await generatedAgain("Moved back.");
    expect(await stop()).toBe(0);
  }, 120_000);

  it("regenerates on save, survives a bad save, and recovers on the next good one", async () => {
    const canonical = await canonicalSchema();
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    const schemaFile = path.join(root, "schemas/connector-with-status.schema.json");
    // Saved as editors do (temp file + rename), so no run can see a half-written file.
    const save = async (text: string) => {
      await writeFile(`${schemaFile}.tmp`, text);
      await rename(`${schemaFile}.tmp`, schemaFile);
    };
    const { lines, runs, first, nextRun, stop } = startWatch(root, 100);
    expect(await first).toBe(0);
    const generated = await readFile(path.join(root, TYPES_FILE), "utf8");

    // A save that changes the contract.
    const properties = { ...(canonical["properties"] as object), name: { type: "string", description: "Display name." } };
    let run = nextRun();
    await save(JSON.stringify({ ...canonical, properties }, null, 2));
    expect(await run).toBe(0);
    expect(lines).toContain(`  written  ${TYPES_FILE}`);
    const afterChange = await readFile(path.join(root, TYPES_FILE), "utf8");
    expect(afterChange).toContain("Display name.");

    // A bad save: problems printed, outputs untouched, still watching.
    run = nextRun();
    await save('{ "title": ');
    expect(await run).toBe(1);
    expect(lines.join("\n")).toContain("schemas/connector-with-status.schema.json:1:12: is not valid JSON");
    expect(await readFile(path.join(root, TYPES_FILE), "utf8")).toBe(afterChange);

    // Recovery.
    run = nextRun();
    await save(JSON.stringify(canonical, null, 2));
    expect(await run).toBe(0);
    expect(await readFile(path.join(root, TYPES_FILE), "utf8")).toBe(generated);

    // A generated file edited by hand while watching is put back by the next run, though the
    // session knows what it wrote and the save does not change that file's contents (only the
    // docs page's order): the session checks size and mtime before trusting its memory.
    await writeFile(path.join(root, TYPES_FILE), `// edited by hand\n${generated}`);
    run = nextRun();
    await save(JSON.stringify({ ...canonical, "x-docs": { section: "Reference", group: "Types", order: 51 } }, null, 2));
    expect(await run).toBe(0);
    expect(await readFile(path.join(root, TYPES_FILE), "utf8")).not.toContain("edited by hand");

    expect(await stop()).toBe(0);
    expect(runs).toEqual([0, 0, 1, 0, 0]);
    // Each run's cache entries reach the file cache as it ends: a generate after the session starts warm.
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 0 of 3 entities emitted");
    // And the file holds the last run's entries only (four runs emitted, each with its own keys):
    // as many as a full run from an empty cache writes.
    const cacheFile = path.join(root, CACHE_DIR, CACHE_FILE);
    const entryCount = async () => (await readFile(cacheFile, "utf8")).split("\n").filter((line) => line !== "").length;
    const afterSession = await entryCount();
    await rm(path.join(root, CACHE_DIR), { recursive: true });
    expect((await runCli("generate", "--root", root)).stdout).toContain("; 3 of 3 entities emitted");
    expect(afterSession).toBe(await entryCount());
  });

  it("debounces a burst of saves into one run, of the last save", async () => {
    const canonical = await canonicalSchema();
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    const schemaFile = path.join(root, "schemas/connector-with-status.schema.json");
    const { lines, runs, first, nextRun, stop } = startWatch(root, 500);
    await first;

    // Five saves 150 ms apart, each well inside the 500 ms quiet time the watch waits for (as a
    // formatter on save or a save-all makes them): one run, after the last.
    const run = nextRun();
    for (let i = 1; i <= 5; i++) {
      if (i > 1) await new Promise((resolve) => setTimeout(resolve, 150));
      const properties = { ...(canonical["properties"] as object), name: { type: "string", description: `Display name ${i}.` } };
      await writeFile(`${schemaFile}.tmp`, JSON.stringify({ ...canonical, properties }, null, 2));
      await rename(`${schemaFile}.tmp`, schemaFile);
    }
    await run;
    // Time for any run a save could still have scheduled.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stop()).toBe(0);
    expect(runs).toEqual([0, 0]);
    expect(lines.filter((line) => line.endsWith(" changed"))).toHaveLength(1);
    expect(await readFile(path.join(root, TYPES_FILE), "utf8")).toContain("Display name 5.");
  });
});
