import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, hasJournal, LOCK_FILE, recover } from "../src/write/transaction.js";
import { canonicalSchema, makeProject, REPO_ROOT, runCli, schemaId, snapshotTree, THING_BASE } from "./helpers.js";

/**
 * Issue 20: faults of the user's environment are reported as such (exit 1, the path, the OS error
 * in words, what to do; no stack), and a run's writes are all-or-none even when the process is
 * killed part way or another run writes the same project.
 */
const BIN = path.join(REPO_ROOT, "packages/codegen/bin/contracts.js");
const INJECT = path.join(import.meta.dirname, "fixtures/faults/inject.mjs");
const isRoot = process.getuid?.() === 0;
/** Runs as `nobody` when the tests run as root, who no permission bit stops. */
const asOtherUser = (args: string[]) =>
  (isRoot ? ["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...args]] : [process.execPath, args]) as [string, string[]];

function cli(args: string[], options: { env?: Record<string, string>; asNobody?: boolean } = {}) {
  const [cmd, argv] = options.asNobody ? asOtherUser([BIN, ...args]) : [process.execPath, [BIN, ...args]];
  const run = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, CI: "", ...options.env } });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** Every output below packages/ (bytes), and whether any temporary file is among them. */
async function outputs(root: string): Promise<Map<string, string>> {
  return existsSync(path.join(root, "packages")) ? snapshotTree(path.join(root, "packages")) : new Map();
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe("environment faults are the user's, not our bugs", () => {
  it("a directory named like a schema file", async () => {
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } } });
    await mkdir(path.join(root, "schemas/x.schema.json"));
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "contracts generate: cannot read schemas/x.schema.json: it is a directory, where a file belongs (EISDIR); no output was left half-written.\n  fix: remove or rename the directory schemas/x.schema.json",
    );
    expect(await outputs(root)).toEqual(new Map());
  });

  it("an unreadable schema file (as a user who may not read it)", async () => {
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } } });
    await chmod(root, 0o777);
    await chmod(path.join(root, "schemas/thing.schema.json"), 0o000);
    const run = cli(["generate", "--root", root], { asNobody: true });
    expect(run.stderr.trim()).toBe(
      "contracts generate: cannot read schemas/thing.schema.json: permission denied (EACCES); no output was left half-written.\n  fix: give the user running contracts access to schemas/thing.schema.json and the folder holding it (or run contracts as their owner)",
    );
    expect(run.code).toBe(1);
    expect(await outputs(root)).toEqual(new Map());
  });

  it("a read-only output folder: exit 1, and every existing output untouched", async () => {
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } } });
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    const before = await outputs(root);
    await writeFile(
      path.join(root, "schemas/thing.schema.json"),
      JSON.stringify({ ...THING_BASE, properties: { a: { type: "string", description: "Changed." } } }),
    );
    // Everything the run may write, but the docs pages folder.
    execFileSync("chmod", ["-R", "a+rwX", root]);
    await chmod(path.join(root, "packages/docs/pages"), 0o555);
    const run = cli(["generate", "--root", root], { asNobody: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^contracts generate: cannot write packages\/docs\/pages\/Thing\.md: permission denied \(EACCES\); no output was left half-written\.\n {2}fix: give the user running contracts access to packages\/docs\/pages\/Thing\.md and the folder holding it/,
    );
    noStack(run.stderr);
    expect(await outputs(root)).toEqual(before);
  });

  it("a full disk (a failing write at the I/O edge): exit 1, every existing output untouched", async () => {
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } } });
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    const before = await outputs(root);
    await writeFile(path.join(root, "schemas/thing.schema.json"), JSON.stringify({ ...THING_BASE, properties: { a: { type: "integer" } } }));
    // The disk fills up at the third staged output: two are staged already.
    const run = cli(["generate", "--root", root], { env: { NODE_OPTIONS: `--import=${INJECT}`, CONTRACTS_FAULT: "enospc", CONTRACTS_FAULT_AT: "3" } });
    expect(run.stderr).toMatch(
      /^contracts generate: cannot write packages\/\S+: no space left on the device \(ENOSPC\); no output was left half-written\.\n {2}fix: free some disk space, then run contracts again/,
    );
    expect(run.code).toBe(1);
    expect(await outputs(root)).toEqual(before);
    expect(hasJournal(root)).toBe(false);
  });

  it("a full disk (a real 64 KiB file system, where the machine lets a user namespace mount one)", async (ctx) => {
    if (spawnSync("unshare", ["-rm", "true"]).status !== 0) ctx.skip(); // no user namespaces here: the injected fault above covers the path
    const root = await makeProject({ "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } } });
    await mkdir(path.join(root, "packages"));
    const script = `mount -t tmpfs -o size=64k tmpfs "$1/packages" && "$2" "$3" generate --root "$1"; echo "exit $?"`;
    const run = spawnSync("unshare", ["-rm", "sh", "-c", script, "sh", root, process.execPath, BIN], { encoding: "utf8", env: { ...process.env, CI: "" } });
    expect(run.stdout.trim()).toBe("exit 1");
    expect(run.stderr).toMatch(
      /^contracts generate: cannot write packages\/\S+: no space left on the device \(ENOSPC\); no output was left half-written\.\n {2}fix: free some disk space/,
    );
    noStack(run.stderr);
  });
});

describe("a run's writes are all or none", () => {
  let oldRoot: string;
  let oldOutputs: Map<string, string>;
  let newOutputs: Map<string, string>;
  let newSchemas: string;
  /** The write stage's calls that may be cut short: a sample that spans every phase of it. */
  let points: number[];
  const base = async () => canonicalSchema();

  beforeAll(async () => {
    // Old: the canonical entity and Thing. New: the canonical entity changed, Thing removed (so
    // the new run rewrites, adds and removes files).
    const canonical = await base();
    oldRoot = await makeProject({
      "connector-with-status.schema.json": canonical,
      "thing.schema.json": { ...THING_BASE, properties: { a: { type: "string" } } },
    });
    expect((await runCli("generate", "--root", oldRoot)).code).toBe(0);
    oldOutputs = await outputs(oldRoot);
    const changed = { ...canonical, description: "Changed.", $id: schemaId("connector-with-status.schema.json") };
    newSchemas = await mkdtemp(path.join(tmpdir(), "contracts-new-schemas-"));
    await writeFile(path.join(newSchemas, "connector-with-status.schema.json"), JSON.stringify(changed, null, 2));
    const newRoot = await makeProject({ "connector-with-status.schema.json": changed });
    expect((await runCli("generate", "--root", newRoot)).code).toBe(0);
    newOutputs = await outputs(newRoot);
    expect(newOutputs).not.toEqual(oldOutputs);
    const counted = cli(["generate", "--root", await project()], { env: { NODE_OPTIONS: `--import=${INJECT}`, CONTRACTS_FAULT: "count" } });
    expect(counted.code).toBe(0);
    const calls = [...counted.stderr.matchAll(/^fault-point (\d+) (\w+) (.*)$/gm)].map((m) => ({ n: Number(m[1]), call: m[2], file: m[3] ?? "" }));
    expect(calls.length).toBeGreaterThan(20);
    // Each phase: the staging journal, the staged outputs, the commit (the committed journal's
    // rename), the renames into place, the removals, the journal's removal.
    const staged = calls.filter((c) => c.call === "writeFileSync" && c.file.includes(".contracts-tmp-")).map((c) => c.n);
    const commit = calls.filter((c) => c.call === "renameSync" && c.file.endsWith("journal.json.tmp")).map((c) => c.n)[1] ?? 0;
    const renamed = calls.filter((c) => c.call === "renameSync" && c.file.includes(".contracts-tmp-")).map((c) => c.n);
    const removed = calls.filter((c) => c.call === "rmSync" && !c.file.includes("contracts-run")).map((c) => c.n);
    expect([staged.length, renamed.length, removed.length].every((n) => n > 1)).toBe(true);
    const last = calls.length;
    points = [
      ...new Set([
        1,
        2,
        3,
        staged[0],
        staged[Math.floor(staged.length / 2)],
        commit - 1,
        commit,
        commit + 1,
        renamed[Math.floor(renamed.length / 2)],
        removed[0],
        last,
      ]),
    ]
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b);
  }, 120_000);

  afterAll(async () => {
    await rm(newSchemas, { recursive: true, force: true });
  });

  /** A copy of the old project (outputs and all) whose schemas are the new ones. */
  async function project(): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), "contracts-kill-"));
    await cp(oldRoot, root, { recursive: true });
    await rm(path.join(root, "schemas"), { recursive: true });
    await cp(newSchemas, path.join(root, "schemas"), { recursive: true });
    return root;
  }

  async function tempFiles(root: string): Promise<string[]> {
    const all = (await readdir(root, { recursive: true })) as string[];
    return all.filter((f) => path.basename(f).startsWith(".contracts-tmp-") || f.endsWith("journal.json.tmp"));
  }

  it("killed at any point of the write stage, the next run finds the old outputs or the new, never a mix", async () => {
    // Points across the write stage, as traced on a real run.
    const seen = new Set<"old" | "new">();
    for (const at of points) {
      const root = await project();
      const killed = cli(["generate", "--root", root], {
        env: { NODE_OPTIONS: `--import=${INJECT}`, CONTRACTS_FAULT: "kill", CONTRACTS_FAULT_AT: String(at) },
      });
      expect(killed.signal, `point ${at}`).toBe("SIGKILL");
      // What the next run does first, under the lock (the killed run's lock is stale: taken over).
      const lock = await acquireLock(root, "generate", { timeoutMs: 0 });
      recover(root);
      lock.release();
      const after = await outputs(root);
      const state = after.size === oldOutputs.size && [...after].every(([f, c]) => oldOutputs.get(f) === c) ? "old" : "new";
      if (state === "new") expect(after, `point ${at}`).toEqual(newOutputs);
      seen.add(state);
      expect(await tempFiles(root), `point ${at}`).toEqual([]);
      expect(hasJournal(root), `point ${at}`).toBe(false);
      await rm(root, { recursive: true, force: true });
    }
    // Both sides of the commit point were hit.
    expect([...seen].sort()).toEqual(["new", "old"]);
  }, 300_000);

  it("the next generate finishes an interrupted write and says so", async () => {
    const root = await project();
    // Past the commit: the journal is committed, some renames are done.
    const killed = cli(["generate", "--root", root], {
      env: { NODE_OPTIONS: `--import=${INJECT}`, CONTRACTS_FAULT: "kill", CONTRACTS_FAULT_AT: String(points.at(-2)) },
    });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(path.join(root, LOCK_FILE))).toBe(true);
    const check = cli(["check", "--root", root]);
    expect(check.stderr).toContain("contracts check: a `contracts generate` was interrupted while writing; run `contracts generate` to finish it.");
    const next = cli(["generate", "--root", root]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^contracts generate: finished the writes of an interrupted run \(\d+ files\)$/m);
    expect(await outputs(root)).toEqual(newOutputs);
    expect(await tempFiles(root)).toEqual([]);
    expect(existsSync(path.join(root, LOCK_FILE))).toBe(false);
  }, 120_000);

  it("a second run waits for the one holding the project, then runs", async () => {
    const root = await project();
    const held = await acquireLock(root, "generate");
    const child = spawn(process.execPath, [BIN, "generate", "--root", root], { env: { ...process.env, CI: "" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const waiting = `contracts generate: waiting for another contracts generate (pid ${process.pid}) to finish writing this project`;
    // Until the child has started and met the lock (seconds on a loaded machine), then a while more.
    for (let i = 0; i < 600 && !stderr.includes(waiting); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).toContain(waiting);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await outputs(root)).toEqual(oldOutputs);
    held.release();
    expect(await exited).toBe(0);
    expect(await outputs(root)).toEqual(newOutputs);
  }, 120_000);

  it("two generate runs at once: both succeed, neither removes the other's staged files", async () => {
    const root = await project();
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, "generate", "--no-cache", "--root", root], { env: { ...process.env, CI: "" } });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("exit", (code) => resolve({ code, stderr }));
      });
    const runs = await Promise.all([start(), start()]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(await outputs(root)).toEqual(newOutputs);
    expect(await tempFiles(root)).toEqual([]);
  }, 120_000);
});
