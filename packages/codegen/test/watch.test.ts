import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { watch } from "../src/cli/watch.js";
import { canonicalSchema, makeProject } from "./helpers.js";

const TYPES_FILE = "packages/types/src/generated/connector-with-status.ts";

describe("contracts watch", () => {
  it("regenerates on save, survives a bad save, and recovers on the next good one", async () => {
    const canonical = await canonicalSchema();
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    const schemaFile = path.join(root, "schemas/connector-with-status.schema.json");
    // Saved as editors do (temp file + rename), so no run can see a half-written file.
    const save = async (text: string) => {
      await writeFile(`${schemaFile}.tmp`, text);
      await rename(`${schemaFile}.tmp`, schemaFile);
    };
    const lines: string[] = [];
    const runs: number[] = [];
    let waiting: ((code: number) => void) | undefined;
    const nextRun = () => new Promise<number>((resolve) => (waiting = resolve));
    const controller = new AbortController();

    const first = nextRun();
    const watching = watch(root, { out: (s) => lines.push(s), err: (s) => lines.push(s) }, {
      debounceMs: 100,
      signal: controller.signal,
      onRun: (code) => {
        runs.push(code);
        waiting?.(code);
      },
    });
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
    await save("{ \"title\": ");
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

    controller.abort();
    expect(await watching).toBe(0);
    expect(runs).toEqual([0, 0, 1, 0, 0]);
  });
});
