import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../src/write/apply.js";
import { hasJournal, RUN_STATE_DIR } from "../src/write/transaction.js";

/** Every file and folder below `dir`, but the run's own state (its journal folder), checked apart. */
async function listTree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (RUN_STATE_DIR.startsWith(`${rel}/`) || rel === RUN_STATE_DIR) continue;
    if (entry.isDirectory()) out.push(`${rel}/`, ...(await listTree(path.join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}

describe("the write stage", () => {
  it("writes, replaces and removes files, and returns the staged files' stats when asked", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "contracts-apply-"));
    await mkdir(path.join(root, "out"), { recursive: true });
    await writeFile(path.join(root, "out/changed.ts"), "old\n");
    await writeFile(path.join(root, "out/stale.ts"), "gone\n");
    const outputs = new Map([
      ["out/changed.ts", "new\n"],
      ["out/deep/missing.ts", "fresh\n"],
    ]);
    const plan = { changed: ["out/changed.ts"], missing: ["out/deep/missing.ts"], unchanged: [], stale: ["out/stale.ts"], confirmedByStat: [] };

    const written = applyPlan(root, plan, outputs, { stat: true });

    expect(await readFile(path.join(root, "out/changed.ts"), "utf8")).toBe("new\n");
    expect(await readFile(path.join(root, "out/deep/missing.ts"), "utf8")).toBe("fresh\n");
    expect(await listTree(root)).toEqual(["out/", "out/changed.ts", "out/deep/", "out/deep/missing.ts"]);
    expect(hasJournal(root)).toBe(false);
    expect([...written.keys()].sort()).toEqual(["out/changed.ts", "out/deep/missing.ts"]);
    expect(written.get("out/changed.ts")?.size).toBe(4);
    expect(applyPlan(root, { ...plan, stale: [] }, outputs).size).toBe(0);
  });

  it("leaves every existing output untouched, and no temporary file, when staging fails part way", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "contracts-apply-"));
    await mkdir(path.join(root, "out"), { recursive: true });
    await writeFile(path.join(root, "out/a.ts"), "a before\n");
    await writeFile(path.join(root, "out/c.ts"), "c before\n");
    await writeFile(path.join(root, "out/stale.ts"), "stale\n");
    // A directory where the second file would be staged: writing it fails after the first is staged.
    const blocker = `out/.contracts-tmp-${process.pid}-b.ts`;
    await mkdir(path.join(root, blocker));
    const outputs = new Map([
      ["out/a.ts", "a after\n"],
      ["out/b.ts", "b after\n"],
      ["out/c.ts", "c after\n"],
    ]);
    const plan = { changed: ["out/a.ts", "out/b.ts", "out/c.ts"], missing: [], unchanged: [], stale: ["out/stale.ts"], confirmedByStat: [] };

    expect(() => applyPlan(root, plan, outputs)).toThrow(/EISDIR/);

    expect(await readFile(path.join(root, "out/a.ts"), "utf8")).toBe("a before\n");
    expect(await readFile(path.join(root, "out/c.ts"), "utf8")).toBe("c before\n");
    expect(await listTree(root)).toEqual(["out/", `${blocker}/`, "out/a.ts", "out/c.ts", "out/stale.ts"].sort());
    expect(hasJournal(root)).toBe(false);
  });
});
