import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli, snapshotTree, THING_BASE } from "./helpers.js";

/** `contracts.config.json` and the rule it holds today, "unsafe-patterns" (recheck at generate). */
const withPattern = (pattern: string) => ({
  "thing.schema.json": { ...THING_BASE, properties: { handle: { type: "string", pattern } }, required: ["handle"] },
});
const WARNING = [
  'contracts generate: 1 warning (rules the project config sets to "warn"):',
  "",
  'schemas/thing.schema.json:10:7 at /properties/handle/pattern: pattern "^(a+)+$" can take exponential time to match (recheck found an attack string of 33 characters): a validator checking untrusted strings against it can be made to hang',
  '  fix: rewrite it so that no part can match the same text in two ways (e.g. "^(a+)+$" is "^a+$"), and bound the string with "maxLength"; or, if only trusted strings reach it, set "rules": { "unsafe-patterns": "off" } in contracts.config.json',
  "",
].join("\n");

describe("unsafe patterns (ReDoS)", () => {
  it("warn by default: printed with its place and fix, and generation goes on", async () => {
    const root = await makeProject(withPattern("^(a+)+$"));
    const run = await runCli("generate", "--root", root);
    expect(run.stderr).toBe(WARNING);
    expect(run.code).toBe(0);
    expect((await snapshotTree(root)).has("packages/types/src/generated/thing.ts")).toBe(true);
  }, 120_000);

  it('"error": generation fails at the pattern and writes nothing', async () => {
    const root = await makeProject(withPattern("^(a+)+$"));
    await writeFile(path.join(root, "contracts.config.json"), JSON.stringify({ rules: { "unsafe-patterns": "error" } }));
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`contracts generate: 1 problem in 1 schema file; nothing was written.\n\n${WARNING.split("\n").slice(2, 4).join("\n")}`);
    expect([...(await snapshotTree(root)).keys()].filter((f) => f.startsWith("packages/"))).toEqual([]);
  }, 120_000);

  it('"off", or a pattern that matches in linear time: nothing said', async () => {
    const off = await makeProject(withPattern("^(a+)+$"));
    await writeFile(path.join(off, "contracts.config.json"), JSON.stringify({ rules: { "unsafe-patterns": "off" } }));
    expect(await runCli("generate", "--root", off)).toMatchObject({ code: 0, stderr: "" });
    const safe = await makeProject(withPattern("^[a-z0-9-]+$"));
    expect(await runCli("generate", "--root", safe)).toMatchObject({ code: 0, stderr: "" });
  }, 120_000);
});

describe("contracts.config.json", () => {
  it.each([
    [
      "an unknown rule",
      '{\n  "rules": { "unsafe-pattern": "warn" }\n}\n',
      'contracts.config.json:2:14 at /rules/unsafe-pattern: "unsafe-pattern" is not a setting contracts knows',
    ],
    [
      "an unknown level",
      '{\n  "rules": { "unsafe-patterns": "loud" }\n}\n',
      'contracts.config.json:2:14 at /rules/unsafe-patterns: /rules/unsafe-patterns must be one of "error", "warn", "off"',
    ],
    ["not JSON", '{ "rules": ', "contracts.config.json:1:12: is not valid JSON: the file ends before the JSON value does (truncated?)"],
  ])("%s: exit 1, located, nothing written", async (_name, text, want) => {
    const root = await makeProject(withPattern("^[a-z]+$"));
    await writeFile(path.join(root, "contracts.config.json"), text);
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[2]).toBe(want);
    expect(run.stderr).toMatch(/\n {2}fix: /);
    expect([...(await snapshotTree(root)).keys()].filter((f) => f.startsWith("packages/"))).toEqual([]);
  });
});
