import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The packages as a registry user gets them: each is packed (`npm pack`, from the dist/ turbo
 * built before this test), the tarballs are installed into a project outside the repository
 * (dependencies from npm, siblings from the tarballs, nothing by path), and that project
 * type-checks, runs and bundles code that uses them.
 */
const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../../..");
const PUBLISHED = ["codegen", "docs", "fixtures", "openapi", "testing", "types", "validators"];
const TSC = path.join(REPO, "node_modules/typescript/bin/tsc");
const bin = (name: string) => path.join(REPO, "node_modules/.bin", name);

/**
 * Every entity generation makes: each schema's title, and for one with a readOnly or writeOnly
 * property its write views (`XInput`, `XPatch`; see the README's "Read and write views").
 */
async function entityNames(): Promise<string[]> {
  const files = (await readdir(path.join(REPO, "schemas"))).filter((file) => file.endsWith(".schema.json"));
  const names = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(REPO, "schemas", file), "utf8");
      const { title } = JSON.parse(text) as { title: string };
      return /"(readOnly|writeOnly)"\s*:\s*true/.test(text) ? [title, `${title}Input`, `${title}Patch`] : [title];
    }),
  );
  return names.flat();
}

let project: string;
const tarballs = new Map<string, string>();
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), "contracts-consumer-"));
  const packs = path.join(project, "tarballs");
  await mkdir(packs);
  await timed("pack", () =>
    Promise.all(
      PUBLISHED.map(async (name) => {
        // --ignore-scripts: prepack would build again what turbo built (its script is tested below).
        const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], { cwd: path.join(REPO, "packages", name) });
        const [info] = JSON.parse(stdout) as { filename: string }[];
        tarballs.set(name, path.join(packs, info!.filename));
      }),
    ),
  );
  const dependencies = Object.fromEntries(PUBLISHED.map((name) => [`@contracts/${name}`, `file:${tarballs.get(name)}`]));
  await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies }, null, 2));
  await cp(path.join(import.meta.dirname, "../project"), project, { recursive: true });
  await timed("install", () => run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: project }));
}, 300_000);

describe("npm pack", () => {
  it.each(PUBLISHED)("@contracts/%s ships its build, declarations and maps, LICENSE, README, CHANGELOG slot, and builds on prepack", async (name) => {
    const { stdout } = await run("tar", ["tzf", tarballs.get(name)!]);
    const files = stdout.split("\n").map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(expect.arrayContaining(["package.json", "LICENSE", "README.md", "dist/index.js", "dist/index.d.ts", "dist/index.d.ts.map"]));
    const pkg = JSON.parse(await readFile(path.join(REPO, "packages", name, "package.json"), "utf8"));
    expect(pkg).toMatchObject({
      license: "MIT",
      scripts: { prepack: "npm run build" },
      repository: { type: "git", directory: `packages/${name}` },
      engines: { node: ">=20.19" },
    });
    expect(pkg.files).toContain("CHANGELOG.md");
    if (name !== "codegen") expect(pkg.sideEffects).toBe(false);
    for (const [dep, range] of Object.entries({ ...pkg.dependencies })) {
      if (dep.startsWith("@contracts/")) expect(range, `${dep} must be a range a registry install satisfies`).toMatch(/^\^\d/);
    }
  });

  it.each(PUBLISHED)("@contracts/%s: publint and arethetypeswrong (esm-only) report nothing", async (name) => {
    const tarball = tarballs.get(name)!;
    const lint = await run(bin("publint"), ["run", tarball, "--strict"]);
    expect(lint.stdout).toContain("All good!");
    // The YAML documents are assets, not modules: there is no type for TypeScript to resolve.
    const exclude = name === "openapi" ? ["--exclude-entrypoints", "./openapi.yaml", "./openapi-3.0.yaml"] : [];
    // attw exits 1 on any problem the profile does not ignore (esm-only ignores CommonJS resolutions).
    await run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii", "--no-emoji", "--no-color", ...exclude]).catch(
      (error: { stdout: string }) => {
        throw new Error(`attw found problems in @contracts/${name}:\n${error.stdout}`);
      },
    );
  });
});

describe("a project that installs the tarballs", () => {
  it("type-checks under module: nodenext (and emits the consumer)", async () => {
    await timed("tsc nodenext", () => run(process.execPath, [TSC, "-p", "tsconfig.nodenext.json"], { cwd: project }));
  });

  it("type-checks under moduleResolution: bundler", async () => {
    await timed("tsc bundler", () => run(process.execPath, [TSC, "-p", "tsconfig.bundler.json"], { cwd: project }));
  });

  it("runs an ESM consumer of types, validators, fixtures, the OpenAPI document, docs and testing", async () => {
    // Emitted by the nodenext type-check above; compiled here only when this test runs alone.
    if (!existsSync(path.join(project, "out/consumer.js"))) await run(process.execPath, [TSC, "-p", "tsconfig.nodenext.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["out/consumer.js"], { cwd: project });
    const version = JSON.parse(await readFile(path.join(REPO, "packages/openapi/package.json"), "utf8")).version;
    // Every entity of the repository's schemas/, however many it holds (sorted by code unit, as generated).
    const entities = (await entityNames()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const components = Object.keys(JSON.parse(await readFile(path.join(REPO, "packages/openapi/generated/openapi.json"), "utf8")).components.schemas);
    expect(JSON.parse(stdout)).toEqual({
      madeIsValid: true,
      rejected: ["/enabled type"],
      parseError: "ContractValidationError",
      registry: entities,
      validFixturesPass: true,
      invalidFixturesFail: true,
      openapi: ["3.1.1", "3.0.3", "@contracts/openapi", version],
      mergedComponents: components,
      testing: [["/enabled"], true, "function"],
      page: true,
    });
  });

  it("bundles the validators for the browser: no Node built-in, no eval, and runs with code generation from strings disallowed", async () => {
    const result = await timed("esbuild", () =>
      esbuild.build({
        entryPoints: [path.join(project, "browser.ts")],
        absWorkingDir: project,
        bundle: true,
        platform: "browser",
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
      }),
    );
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    // The runtime's one other dependency in the bundle: ajv-formats' format table (plain regular
    // expressions and functions, no Node built-in; the eval check below covers it too).
    expect(inputs.filter((i) => i.startsWith("node:") || /(^|\/)node_modules\/(?!(@contracts|typebox)\/|ajv-formats\/dist\/formats\.js$)/.test(i))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    await writeFile(path.join(project, "bundle.mjs"), code);
    const { stdout } = await run(process.execPath, ["--disallow-code-generation-from-strings", "bundle.mjs"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ guard: false, errors: expect.any(Number) });
  });

  it("runs the installed contracts CLI on a project of its own", async () => {
    await cp(path.join(REPO, "schemas"), path.join(project, "schemas"), { recursive: true });
    const { stdout } = await timed("contracts generate", () =>
      run(path.join(project, "node_modules/.bin/contracts"), ["generate", "--no-frozen"], { cwd: project }),
    );
    const n = (await entityNames()).length;
    expect(stdout).toMatch(new RegExp(`^contracts generate: \\d+ written, 0 unchanged, 0 removed; ${n} of ${n} entit(y|ies) emitted`));
    const ours = await readFile(path.join(REPO, "packages/types/src/generated/connector-with-status.ts"), "utf8");
    expect(await readFile(path.join(project, "packages/types/src/generated/connector-with-status.ts"), "utf8")).toBe(ours);
    // The phases' wall times, for the README's figure (the whole file is kept to a modest share of npm test).
    console.log(`pack-and-consume timings (ms): ${JSON.stringify(timings)}`);
  });
});
