import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, runIn } from "../../../scripts/project-copy.mjs";
import { leftOut, TARGET_NAMES, type TargetName } from "../../../scripts/targets.mjs";
import { REPO_ROOT } from "./helpers.js";

/**
 * The README promises that a target turned off in contracts.config.json writes nothing, that its
 * package says so, and that the repository still builds and tests green: here, in a temporary
 * copy of this repository (node_modules linked, no second install), one target at a time is
 * turned off, the copy generated, and every package whose tests or code need that target (its
 * targets.json names it: the target's own package and those built on it) is built,
 * type-checked and tested through its own scripts, which must pass and say what they leave out.
 *
 * Not every target, and not the whole `npm test`: the four a project turns off for a reason (a
 * service with no 3.1 or no 3.0 consumer, no docs site, its own test data), in one copy one
 * after the other, and only the packages they touch, so the file stays near a minute of CPU.
 * The codegen's own suites use throw-away projects, not the repository's config. "types" and
 * "validators" alone off are checked by the packages' own test/targets.test.ts and the codegen's
 * project-config tests; "types" off with the validators or fixtures on is refused
 * (project-config.test.ts).
 */
const SCENARIOS: readonly TargetName[] = ["openapi31", "openapi30", "docs", "fixtures"];

/** The workspace folders in build order: each builds on the ones before it. */
const WORKSPACES = [
  "packages/types",
  "packages/validators",
  "packages/openapi",
  "packages/fixtures",
  "packages/docs",
  "packages/testing",
  "examples/connectors-api",
  "examples/docs-site",
  "packages/consumer-test",
];

const ALL_ON = Object.fromEntries(TARGET_NAMES.map((t) => [t, true])) as Record<TargetName, boolean>;

/** The workspaces whose targets.json names `target`: what turning it off changes. */
function touchedBy(target: TargetName): string[] {
  const off = { ...ALL_ON, [target]: false };
  return WORKSPACES.filter((dir) => {
    const out = leftOut(path.join(REPO_ROOT, dir), off);
    return out.package.length > 0 || out.files.length > 0 || out.within.length > 0;
  });
}

const scripts = (dir: string) =>
  (JSON.parse(readFileSync(path.join(REPO_ROOT, dir, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};

let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), "contracts-targets-off-"));
  copyProject(REPO_ROOT, project);
}, 120_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe("a target turned off in contracts.config.json, in a copy of the repository", () => {
  it("lists every workspace but the codegen (a new one must be placed in the build order)", () => {
    const found = ["packages", "examples"].flatMap((parent) =>
      readdirSync(path.join(REPO_ROOT, parent))
        .map((name) => `${parent}/${name}`)
        .filter((dir) => existsSync(path.join(REPO_ROOT, dir, "package.json"))),
    );
    expect(found.filter((dir) => dir !== "packages/codegen").sort()).toEqual([...WORKSPACES].sort());
  });

  it.each(SCENARIOS)(
    '"%s": false generates, and the packages it touches build, type-check and pass their tests, saying what they leave out',
    async (target) => {
      const touched = touchedBy(target);
      // Its own package at least; the test would prove nothing if no workspace named the target.
      expect(touched.length).toBeGreaterThan(0);
      await writeFile(path.join(project, "contracts.config.json"), `${JSON.stringify({ targets: { [target]: false } }, null, 2)}\n`);
      await runIn(project, process.execPath, ["packages/codegen/bin/contracts.js", "generate", "--no-frozen"]);
      const { stdout: check } = await runIn(project, process.execPath, ["packages/codegen/bin/contracts.js", "check"]);
      expect(check).toMatch(/^contracts check: \d+ generated files up to date/);
      const said = `the "${target}" target is off in contracts.config.json`;
      for (const dir of touched) {
        const cwd = path.join(project, dir);
        const own = scripts(dir);
        if (own["build"]) await runIn(cwd, "npm", ["run", "build"]);
        const typecheck = stripVTControlCharacters((await runIn(cwd, "npm", ["run", "typecheck"])).stdout);
        const test = stripVTControlCharacters((await runIn(cwd, "npm", ["test"])).stdout);
        // What was left out is said, not silent; and a target's package checked what it holds.
        expect(`${typecheck}${test}`, dir).toContain(said);
        if (existsSync(path.join(cwd, "test/targets.test.ts"))) expect(test, dir).toMatch(/✓ test\/targets\.test\.ts/);
      }
    },
    600_000,
  );
});
