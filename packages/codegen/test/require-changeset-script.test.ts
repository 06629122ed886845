import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "./git-repo.js";
import { REPO_ROOT } from "./helpers.js";

/** scripts/require-changeset.mjs, the last step of `npm test`, run as npm runs it (the built CLI). */
function script(root: string) {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts/require-changeset.mjs"), "--root", root], { encoding: "utf8" });
  return { code: run.status, stderr: run.stderr };
}

const addStatus = (s: any) => s.properties.server.anyOf[0].properties.status.enum.push("paused");

describe("scripts/require-changeset.mjs", () => {
  it("on a branch: fails on a schema change since the merge base with main that no changeset covers, passes once one does", async () => {
    const { root, git, edit } = await repo();
    git("checkout", "-q", "-b", "feature");
    await edit(addStatus);
    git("commit", "-qam", "paused status");
    const failing = script(root);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(`require-changeset: schema changes since the merge base with main (${git("rev-parse", "main").trim().slice(0, 12)})`);
    expect(failing.stderr).toContain("@contracts/types: needs major, pending changesets give none");
    execFileSync(process.execPath, [path.join(REPO_ROOT, "packages/codegen/bin/contracts.js"), "diff", "--root", root, "--base", "main", "--write-changeset"], {
      stdio: "ignore",
    });
    expect(script(root).code).toBe(0);
  });

  it("on main itself: the merge base is HEAD, committed history passes", async () => {
    const { root, git, edit } = await repo();
    await edit(addStatus);
    git("commit", "-qam", "released with its changeset elsewhere");
    const run = script(root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("no release needed");
  });

  it("without a main branch or outside git it says why and passes", async () => {
    const { root, git } = await repo();
    git("branch", "-m", "main", "trunk");
    expect(script(root)).toEqual({ code: 0, stderr: "require-changeset: no main or origin/main branch here: no base to compare with, skipped\n" });
    const bare = await mkdtemp(path.join(tmpdir(), "contracts-nogit-"));
    await writeFile(path.join(bare, "x"), "");
    expect(script(bare)).toEqual({ code: 0, stderr: `require-changeset: ${bare} is not a git checkout: no base to compare with, skipped\n` });
  });
});
