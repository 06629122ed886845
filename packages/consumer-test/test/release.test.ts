import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The project's own script starts the registry: verdaccio on loopback, fresh storage, no uplinks.
import { startLocalRegistry } from "../../../scripts/local-registry.mjs";

/**
 * The release, against a real registry: `changeset publish` (the last step of `npm run release`)
 * publishes every package to a local verdaccio, and a project installs them from it by name and
 * range; and `changeset version` → `contracts generate` (its first steps) bump versions, sibling
 * ranges, CHANGELOGs and the OpenAPI document's `info.version`, on a copy of the repository.
 */
const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../../..");
const CHANGESET = path.join(REPO, "node_modules/@changesets/cli/bin.js");
const CONTRACTS = path.join(REPO, "packages/codegen/bin/contracts.js");
const PUBLISHED = ["codegen", "docs", "fixtures", "openapi", "testing", "types", "validators"];

let registry: Awaited<ReturnType<typeof startLocalRegistry>>;
let userconfig: string;

beforeAll(async () => {
  registry = await startLocalRegistry();
  const dir = await mkdtemp(path.join(tmpdir(), "contracts-release-"));
  userconfig = path.join(dir, ".npmrc");
  const host = registry.url.replace(/^http:/, "");
  await writeFile(userconfig, `@contracts:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
}, 60_000);

afterAll(async () => {
  await registry?.stop();
});

describe("npm run release, against a local registry", () => {
  it("changeset publish publishes every package; a project installs them from the registry by range", async () => {
    // dist/ is built (turbo), so prepack is not run again; --no-git-tag: this is not a real release.
    const env = { ...process.env, npm_config_userconfig: userconfig, npm_config_ignore_scripts: "true" };
    const published = await run(process.execPath, [CHANGESET, "publish", "--no-git-tag"], { cwd: REPO, env });
    const log = published.stdout + published.stderr;
    for (const name of PUBLISHED) expect(log).toContain(`@contracts/${name}@`);
    const versions = Object.fromEntries(
      await Promise.all(
        PUBLISHED.map(async (name) => [name, JSON.parse(await readFile(path.join(REPO, "packages", name, "package.json"), "utf8")).version as string]),
      ),
    );
    for (const name of PUBLISHED) {
      const meta = (await (await fetch(`${registry.url}@contracts%2f${name}`)).json()) as { "dist-tags": { latest: string } };
      expect(meta["dist-tags"].latest).toBe(versions[name]);
    }

    const project = await mkdtemp(path.join(tmpdir(), "contracts-registry-consumer-"));
    await writeFile(path.join(project, ".npmrc"), `@contracts:registry=${registry.url}\n`);
    // Only the validators and fixtures by name: @contracts/types must come from the registry through their ranges.
    const dependencies = { "@contracts/validators": `^${versions["validators"]}`, "@contracts/fixtures": `^${versions["fixtures"]}` };
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "service", private: true, type: "module", dependencies }));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: project });
    const script =
      'import { isConnectorWithStatus } from "@contracts/validators"; import { makeConnectorWithStatus } from "@contracts/fixtures"; console.log(isConnectorWithStatus(makeConnectorWithStatus()));';
    await writeFile(path.join(project, "main.js"), script);
    expect((await run(process.execPath, ["main.js"], { cwd: project })).stdout).toBe("true\n");
    const types = JSON.parse(await readFile(path.join(project, "node_modules/@contracts/types/package.json"), "utf8"));
    expect(types.version).toBe(versions["types"]);
  });

  it("changeset version, then generate: versions, sibling ranges, CHANGELOGs and OpenAPI info.version move together", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), "contracts-version-"));
    const git = (...args: string[]) => run("git", ["-C", copy, ...args]);
    await cp(path.join(REPO, "package.json"), path.join(copy, "package.json"));
    await mkdir(path.join(copy, ".changeset"));
    await cp(path.join(REPO, ".changeset/config.json"), path.join(copy, ".changeset/config.json"));
    await cp(path.join(REPO, "schemas"), path.join(copy, "schemas"), { recursive: true });
    for (const name of [...PUBLISHED, "consumer-test"]) {
      await mkdir(path.join(copy, "packages", name), { recursive: true });
      await cp(path.join(REPO, "packages", name, "package.json"), path.join(copy, "packages", name, "package.json"));
    }
    await git("init", "-q", "-b", "main");
    await git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
    await git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
    const file = path.join(copy, "schemas/connector-with-status.schema.json");
    const schema = JSON.parse(await readFile(file, "utf8"));
    schema.properties.server.anyOf[0].properties.status.enum.push("paused");
    await writeFile(file, JSON.stringify(schema, null, 2));
    await run(process.execPath, [CONTRACTS, "diff", "--root", copy, "--base", "main", "--write-changeset"]);

    await run(process.execPath, [CHANGESET, "version"], { cwd: copy });
    const pkg = async (name: string) => JSON.parse(await readFile(path.join(copy, "packages", name, "package.json"), "utf8"));
    const before = JSON.parse(await readFile(path.join(REPO, "packages/openapi/package.json"), "utf8")).version as string;
    const next = `${Number(before.split(".")[0]) + 1}.0.0`;
    expect((await pkg("openapi")).version).toBe(next);
    expect((await pkg("validators")).dependencies["@contracts/types"]).toBe(`^${next}`);
    expect((await pkg("consumer-test")).version).toBe("0.0.0");
    expect(await readFile(path.join(copy, "packages/openapi/CHANGELOG.md"), "utf8")).toContain('enum value "paused" added');

    await run(process.execPath, [CONTRACTS, "generate", "--root", copy, "--no-frozen"]);
    const document = JSON.parse(await readFile(path.join(copy, "packages/openapi/generated/openapi.json"), "utf8"));
    expect(document.info).toMatchObject({ title: "@contracts/openapi", version: next });
  });
});
