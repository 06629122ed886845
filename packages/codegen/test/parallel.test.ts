import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generateProject } from "../src/run/project.js";
import { makeProject, REPO_ROOT, snapshotTree } from "./helpers.js";

const entity = (i: number) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `https://contracts.dev/test/item-${i}.schema.json`,
  title: `Item${i}`,
  type: "object",
  properties: {
    id: { type: "string", readOnly: true },
    size: { type: "integer", minimum: 0, maximum: i + 1 },
    state: { type: ["string", "null"], enum: ["on", "off", null] },
    meta: { anyOf: [{ type: "object", additionalProperties: {} }, { type: "null" }] },
  },
  required: ["id", "state"],
  additionalProperties: false,
});

describe("parallel generate", () => {
  it("writes exactly what a sequential run computes", async () => {
    const count = 6;
    const root = await makeProject(Object.fromEntries(Array.from({ length: count }, (_, i) => [`item-${i}.schema.json`, entity(i)])));
    // The compiled CLI has the worker; in-process (sources) the same pipeline runs in one thread.
    const bin = path.join(REPO_ROOT, "packages/codegen/bin/contracts.js");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "generate", "--no-cache", "--root", root], { env: { ...process.env, CI: "" } });
    // Two threads, split by emitter (each emitter's `thread`), whenever there are two cores.
    // Each entity has readOnly properties: with its two views (XInput, XPatch), three entities.
    expect(stdout).toContain(`; ${count * 3} of ${count * 3} entities emitted${availableParallelism() > 1 ? " on 2 threads" : ""}, the rest cached`);
    const written = await snapshotTree(root);
    const sequential = await generateProject(root, { cache: false });
    expect(sequential.outputs.size).toBeGreaterThan(count * 5);
    for (const [file, contents] of sequential.outputs) expect(written.get(file), file).toBe(contents);
  }, 120_000);

  it("prints phase timings on stderr with CONTRACTS_TIMINGS=1, and nothing without", async () => {
    const root = await makeProject({ "item-0.schema.json": entity(0) });
    const bin = path.join(REPO_ROOT, "packages/codegen/bin/contracts.js");
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [bin, "generate", "--root", root], { env: { ...process.env, CI: "", ...env } });
    const timed = await run({ CONTRACTS_TIMINGS: "1" });
    const phases = timed.stderr
      .split("\n")
      .filter(Boolean)
      .map((line) => /^contracts timing: +\d+ ms {2}(.+)$/.exec(line)?.[1]);
    expect(phases).toEqual(expect.arrayContaining(["started", "generated", "compared with disk", "written"]));
    expect(phases).not.toContain(undefined);
    expect((await run({ CONTRACTS_TIMINGS: "" })).stderr).toBe("");
  }, 120_000);
});
