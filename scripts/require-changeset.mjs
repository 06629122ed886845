#!/usr/bin/env node
// `npm test`'s last step: the schema changes since the merge base with `main` (or `origin/main`,
// as a fresh CI clone has it) must be covered by the changesets this branch adds, as
// `contracts diff --require-changeset` judges them. On main itself the merge base is HEAD, so only
// uncommitted schema edits count. Without a git checkout or a main branch there is no base to
// compare with: it says so and passes. Usage: node scripts/require-changeset.mjs [--root <dir>]
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { root: { type: "string" } } });
const root = path.resolve(values.root ?? process.cwd());
const git = (...args) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
const say = (line) => process.stderr.write(`require-changeset: ${line}\n`);

let base;
try {
  git("rev-parse", "--show-toplevel");
} catch {
  say(`${root} is not a git checkout: no base to compare with, skipped`);
  process.exit(0);
}
for (const branch of ["main", "origin/main"]) {
  try {
    git("rev-parse", "--verify", "--quiet", `${branch}^{commit}`);
    base = git("merge-base", "HEAD", branch);
    say(`schema changes since the merge base with ${branch} (${base.slice(0, 12)})`);
    break;
  } catch {
    // not this one
  }
}
if (!base) {
  say("no main or origin/main branch here: no base to compare with, skipped");
  process.exit(0);
}
const cli = path.join(import.meta.dirname, "../packages/codegen/bin/contracts.js");
const run = spawnSync(process.execPath, [cli, "diff", "--root", root, "--base", base, "--require-changeset"], { stdio: "inherit" });
process.exit(run.status ?? 1);
