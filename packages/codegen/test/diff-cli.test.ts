import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import parseChangeset from "@changesets/parse";
import { describe, expect, it } from "vitest";
import { CANONICAL_FILE, runCli } from "./helpers.js";
import { canonicalSchema } from "./helpers.js";
import { PACKAGES, repo } from "./git-repo.js";

const addStatus = (s: any) => s.properties.server.anyOf[0].properties.status.enum.push("paused");

describe("contracts diff", () => {
  it("--json prints the bump and the changes, exactly as documented", async () => {
    const { root, edit } = await repo();
    await edit(addStatus);
    const run = await runCli("diff", "--root", root, "--base", "main", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      bump: "major",
      changes: [
        {
          entity: "ConnectorWithStatus",
          pointer: "/properties/server/anyOf/0/properties/status",
          change: 'enum value "paused" added',
          bump: "major",
          side: "read",
          reason: "readers may receive values they were not written for",
        },
        {
          entity: "ConnectorWithStatus",
          pointer: "/properties/server/anyOf/0/properties/status",
          change: 'enum value "paused" added',
          bump: "minor",
          side: "write",
          reason: "clients may send more; every value accepted before still is",
        },
      ],
    });
  });

  it("prints a table without --json, and says so when nothing changed", async () => {
    const { root, edit } = await repo();
    expect((await runCli("diff", "--root", root, "--base", "HEAD")).stdout).toBe("contracts diff: no schema change since HEAD (bump: none)");
    await edit((s) => (s.properties.name.maxLength = 80));
    const run = await runCli("diff", "--root", root, "--base", "HEAD");
    expect(run.stdout.split("\n")).toEqual([
      "contracts diff: 2 changes since HEAD; bump: major",
      "",
      "bump   side   entity               pointer           change              reason",
      "minor  read   ConnectorWithStatus  /properties/name  maxLength 80 added  readers receive a subset of the values they handle",
      "major  write  ConnectorWithStatus  /properties/name  maxLength 80 added  values clients sent before may now be rejected",
    ]);
  });

  it("reads the base from git without touching the working tree (new files, uncommitted edits)", async () => {
    const { root, git, edit } = await repo();
    await edit((s) => (s.properties.homepage = { type: "string" }));
    const before = git("status", "--porcelain");
    const run = await runCli("diff", "--root", root, "--base", "HEAD", "--json");
    expect(JSON.parse(run.stdout).bump).toBe("minor");
    expect(git("status", "--porcelain")).toBe(before);
  });

  it("an unknown ref is a clear error, exit 1, no stack", async () => {
    const { root } = await repo();
    const run = await runCli("diff", "--root", root, "--base", "no-such-branch");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'contracts diff: unknown git ref "no-such-branch"\n  fix: pass a branch, tag or commit that exists here, e.g. --base main or --base HEAD~1 (`git fetch` it first if it lives on a remote)',
    );
  });

  it("outside a git repository is a clear error, exit 1", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "contracts-nogit-"));
    const run = await runCli("diff", "--root", root, "--base", "main");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `contracts diff: ${root} is not inside a git repository\n  fix: run contracts diff in a git checkout of the project (or pass --root <dir>)`,
    );
  });

  it("--base is required", async () => {
    const run = await runCli("diff");
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("contracts diff: --base <git-ref> is required (the commit to compare the working tree with, e.g. --base main)");
  });

  it("a base whose schemas are invalid is reported located, named by the ref", async () => {
    const { root, git } = await repo();
    await writeFile(path.join(root, "schemas", CANONICAL_FILE), "{ broken");
    git("commit", "-qam", "broken");
    await writeFile(path.join(root, "schemas", CANONICAL_FILE), `${JSON.stringify(await canonicalSchema(), null, 2)}\n`);
    const run = await runCli("diff", "--root", root, "--base", "HEAD");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^contracts diff: 1 problem in 1 schema file; nothing was written\.\n\nHEAD:schemas\/connector-with-status\.schema\.json:1:3/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("changesets", () => {
  it("--write-changeset writes one changeset bumping every generated package by the bump, the changes as its summary", async () => {
    const { root, edit } = await repo();
    await edit(addStatus);
    const run = await runCli("diff", "--root", root, "--base", "main", "--write-changeset");
    expect(run.code).toBe(0);
    const written = (await readdir(path.join(root, ".changeset"))).filter((f) => f !== "README.md");
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^contracts-diff-[0-9a-f]{8}\.md$/);
    expect(run.stderr).toBe(
      `contracts diff: wrote .changeset/${written[0]} (major for @contracts/docs, @contracts/fixtures, @contracts/openapi, @contracts/types, @contracts/validators)`,
    );
    const text = await readFile(path.join(root, ".changeset", written[0]!), "utf8");
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual(PACKAGES.map((p) => ({ name: `@contracts/${p}`, type: "major" })).sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(parsed.summary).toContain('ConnectorWithStatus `/properties/server/anyOf/0/properties/status`: enum value "paused" added');
    // The same diff again writes the same file, not a second one.
    await runCli("diff", "--root", root, "--base", "main", "--write-changeset");
    expect((await readdir(path.join(root, ".changeset"))).filter((f) => f !== "README.md")).toEqual(written);
  });

  it("--write-changeset writes nothing when there is nothing to release", async () => {
    const { root } = await repo();
    const run = await runCli("diff", "--root", root, "--base", "main", "--write-changeset");
    expect(run.stderr).toBe("contracts diff: bump none: no changeset written");
    expect(await readdir(path.join(root, ".changeset"))).toEqual(["README.md"]);
  });

  it("--require-changeset exits 1 naming every package the pending changesets do not cover", async () => {
    const { root, edit } = await repo();
    await edit(addStatus);
    await writeFile(path.join(root, ".changeset/partial.md"), '---\n"@contracts/types": major\n"@contracts/openapi": minor\n---\n\nSome of it.\n');
    const run = await runCli("diff", "--root", root, "--base", "main", "--require-changeset");
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").slice(1)).toEqual([
      "  @contracts/docs: needs major, pending changesets give none",
      "  @contracts/fixtures: needs major, pending changesets give none",
      "  @contracts/openapi: needs major, pending changesets give minor",
      "  @contracts/validators: needs major, pending changesets give none",
      "fix: run `npx contracts diff --base main --write-changeset` (or `npm run changeset`) and commit the changeset.",
    ]);
    expect(run.stderr).toMatch(
      /^contracts diff --require-changeset: the schema changes since main need a major release, which no changeset added since then covers:/,
    );
  });

  it("--require-changeset passes once --write-changeset wrote the changeset, and with no change at all", async () => {
    const { root, edit } = await repo();
    expect((await runCli("diff", "--root", root, "--base", "main", "--require-changeset")).code).toBe(0);
    await edit(addStatus);
    await runCli("diff", "--root", root, "--base", "main", "--write-changeset");
    const run = await runCli("diff", "--root", root, "--base", "main", "--require-changeset");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("contracts diff --require-changeset: the major release is covered by the pending changesets");
  });

  it("--require-changeset does not count changesets the base already held", async () => {
    const { root, git, edit } = await repo();
    await writeFile(
      path.join(root, ".changeset/old.md"),
      '---\n"@contracts/types": major\n"@contracts/validators": major\n"@contracts/openapi": major\n"@contracts/fixtures": major\n"@contracts/docs": major\n---\n\nAn older release.\n',
    );
    git("add", "-A");
    git("commit", "-qm", "older changeset");
    await edit(addStatus);
    expect((await runCli("diff", "--root", root, "--base", "main", "--require-changeset")).code).toBe(1);
  });
});

describe("the generated API surface (api/exports.json)", () => {
  it("a $defs entry's title renamed renames its exported type in every package: major, though the values are the same", async () => {
    const { root, git, edit } = await repo();
    await edit((s) => {
      s.$defs = { Server: { ...s.properties.server.anyOf[0], title: "Install" } };
      s.properties.server.anyOf[0] = { $ref: "#/$defs/Server" };
    });
    git("commit", "-qam", "a titled definition");
    await edit((s) => (s.$defs.Server.title = "ServerInstall"));
    const result = JSON.parse((await runCli("diff", "--root", root, "--base", "HEAD", "--json")).stdout);
    expect(result.bump).toBe("major");
    const api = result.changes.filter((c: any) => c.entity.startsWith("@contracts/"));
    expect(api.map((c: any) => [c.bump, c.entity, c.change])).toEqual([
      ["major", "@contracts/openapi", "OpenAPI component Install removed"],
      ["minor", "@contracts/openapi", "OpenAPI component ServerInstall added"],
      ["major", "@contracts/types", "export Install removed"],
      ["minor", "@contracts/types", "export ServerInstall added"],
    ]);
    expect(api[2].pointer).toBe("/packages~1types/exports/Install");
  });

  it("the base's committed manifest is what is compared: an export the codegen stopped emitting is major", async () => {
    const { root, git } = await repo();
    await mkdir(path.join(root, "api"));
    const manifest = {
      "packages/validators": {
        exports: [
          "ConnectorWithStatus",
          "ConnectorWithStatusValidator",
          "EntityName",
          "assertConnectorWithStatus",
          "checkConnectorWithStatus",
          "isConnectorWithStatus",
          "parseConnectorWithStatus",
          "validateConnectorWithStatus",
          "validators",
        ],
      },
    };
    await writeFile(path.join(root, "api/exports.json"), JSON.stringify(manifest));
    git("add", "-A");
    git("commit", "-qm", "manifest of an older codegen");
    const result = JSON.parse((await runCli("diff", "--root", root, "--base", "HEAD", "--json")).stdout);
    expect(result.bump).toBe("major");
    expect(result.changes.filter((c: any) => c.bump === "major").map((c: any) => [c.entity, c.change])).toEqual([
      ["@contracts/validators", "export checkConnectorWithStatus removed"],
    ]);
  });
});
