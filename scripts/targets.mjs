#!/usr/bin/env node
// Which targets contracts.config.json turns off, for the packages' own scripts and tests: a
// package whose target is off holds empty modules (packages/codegen/src/core/generate.ts,
// `offModules`), so the tests of what it would hold must not run, and say so.
//
// As a command, in a package folder: `node ../../scripts/targets.mjs <tsc|vitest> [args...]`
// runs the package's typecheck or tests, leaving out what its `targets.json` says needs a target
// that is off, and printing one line per thing left out; `node ../../scripts/targets.mjs -- <cmd>`
// runs any other command (a build) unless the package as a whole needs an off target. With every
// target on, the command runs exactly as given and nothing is printed.
//
// A package's `targets.json` (absent: it needs none):
//   { "package": ["fixtures"],                  the whole package (every script) needs these
//     "tests": { "test/x.test.ts": ["types"] },  files neither type-checked nor run without these
//     "within": { "openapi31": "what is left out" } }  targets some tests inside the files
//                                                need, left out by the tests themselves (`targetOn`)
// Imported by tests: `targetOn(name)` (types in targets.d.mts).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The targets of contracts.config.json, as packages/codegen/src/load/config.ts names them. */
export const TARGET_NAMES = ["types", "validators", "openapi31", "openapi30", "fixtures", "docs"];

export const CONFIG_FILE = "contracts.config.json";

/** The repository this script is part of (a temporary copy of it has its own). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Every target, on or off, as contracts.config.json at `root` says (absent file or key: on). The
 * file's full check, with located errors, is `contracts generate`'s; here only what a test needs.
 * @param {string} [root]
 * @returns {Record<string, boolean>}
 */
export function readTargets(root = REPO_ROOT) {
  const file = path.join(root, CONFIG_FILE);
  const on = Object.fromEntries(TARGET_NAMES.map((name) => [name, true]));
  if (!existsSync(file)) return on;
  let value;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error.message}); run \`npx contracts check\` for the located problem`, { cause: error });
  }
  for (const name of TARGET_NAMES) if (value?.targets?.[name] === false) on[name] = false;
  return on;
}

/**
 * Whether `target` is on in the repository's contracts.config.json.
 * @param {string} target
 * @param {string} [root]
 */
export function targetOn(target, root = REPO_ROOT) {
  if (!TARGET_NAMES.includes(target)) throw new Error(`targetOn: "${target}" is not a target; use one of ${TARGET_NAMES.join(", ")}`);
  return readTargets(root)[target];
}

/**
 * The generated files of a package, under `roots` (folders relative to it), as sorted
 * `/`-separated paths relative to the package.
 * @param {string} packageDir
 * @param {readonly string[]} roots
 */
export function generatedFiles(packageDir, roots) {
  return roots
    .filter((r) => existsSync(path.join(packageDir, r)))
    .flatMap((r) =>
      readdirSync(path.join(packageDir, r), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(packageDir, path.join(e.parentPath, e.name)).split(path.sep).join("/")),
    )
    .sort();
}

/** The first line of a module generate writes for a package whose `targets` are all off (packages/codegen/src/core/generate.ts). */
export function offHeader(targets) {
  return `// The ${targets.map((t) => `"${t}"`).join(" and ")} target${targets.length > 1 ? "s are" : " is"} off in ${CONFIG_FILE}:`;
}

/**
 * What is wrong with what a package holds of `targets` (its generated files under `roots`), as
 * contracts.config.json says it should: one line each, none when it holds what it should. With
 * every one of `targets` off: TypeScript modules only (no JSON, YAML or Markdown), each headed by
 * the comment saying the target is off. Otherwise: no module says so. Whether the modules export
 * an entity is each package's own test (types are not values).
 * @param {string} packageDir
 * @param {readonly string[]} targets
 * @param {readonly string[]} roots
 */
export function heldProblems(packageDir, targets, roots) {
  const on = readTargets();
  const off = targets.every((t) => !on[t]);
  const header = offHeader(targets);
  const problems = [];
  for (const file of generatedFiles(packageDir, roots)) {
    const says = readFileSync(path.join(packageDir, file), "utf8").startsWith(header);
    if (off && !file.endsWith(".ts"))
      problems.push(`${file}: written, though ${targets.join(" and ")} ${targets.length > 1 ? "are" : "is"} off (only modules the package imports may be)`);
    else if (off && !says) problems.push(`${file}: does not start with ${JSON.stringify(header)}`);
    else if (!off && says) problems.push(`${file}: says the target is off, though ${CONFIG_FILE} has it on (run npm run generate)`);
  }
  return problems;
}

/**
 * What a package leaves out with the targets `on`: the whole package (the off targets it needs),
 * or its test files that need an off target, and the off targets some of its tests are for.
 * @param {string} packageDir
 * @param {Record<string, boolean>} on
 */
export function leftOut(packageDir, on) {
  const file = path.join(packageDir, "targets.json");
  const declared = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const off = (names = []) =>
    names.filter((name) => {
      if (!TARGET_NAMES.includes(name)) throw new Error(`${file}: "${name}" is not a target; use one of ${TARGET_NAMES.join(", ")}`);
      return !on[name];
    });
  return {
    package: off(declared.package),
    files: Object.entries(declared.tests ?? {})
      .map(([test, names]) => ({ file: test, off: off(names) }))
      .filter((t) => t.off.length > 0),
    within: Object.entries(declared.within ?? {})
      .filter(([target]) => off([target]).length > 0)
      .map(([target, what]) => ({ target, what })),
  };
}

/** `the "a" target is off` or `the "a" and "b" targets are off`. */
const offWords = (names) => `the ${names.map((n) => `"${n}"`).join(" and ")} target${names.length > 1 ? "s are" : " is"} off`;

/**
 * Runs `command` in `packageDir` with what needs an off target left out, saying what; returns
 * its exit code (0 when the whole package is left out).
 * @param {string} packageDir
 * @param {string} command
 * @param {readonly string[]} args
 */
export function runAdapted(packageDir, command, args) {
  const on = readTargets();
  const name = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")).name;
  const out = leftOut(packageDir, on);
  const say = (line) => console.log(`${name}: ${line}`);
  const what = command === "vitest" ? "tests" : command === "tsc" ? "typecheck" : `\`${args.join(" ")}\``;
  if (out.package.length > 0) {
    say(`${what} not run: ${offWords(out.package)} in ${CONFIG_FILE}, and this package needs ${out.package.length > 1 ? "them" : "it"} throughout`);
    return 0;
  }
  let finalArgs = [...args];
  let cleanup = () => undefined;
  if (out.files.length > 0 && command === "vitest") {
    for (const t of out.files) say(`${t.file} not run: ${offWords(t.off)} in ${CONFIG_FILE}`);
    finalArgs = [...args, "--passWithNoTests", ...out.files.flatMap((t) => ["--exclude", t.file])];
  } else if (out.files.length > 0 && command === "tsc") {
    // tsc takes no --exclude: a config beside the package's (where tsc finds the same type
    // roots) that extends it with the files excluded, removed once tsc is done.
    if (!args.includes("-p")) throw new Error("targets.mjs tsc: pass the project with -p, as the packages' typecheck scripts do");
    const base = path.resolve(packageDir, args[args.indexOf("-p") + 1]);
    const derived = path.join(path.dirname(base), `.tsconfig.targets-${process.pid}.json`);
    cleanup = () => rmSync(derived, { force: true });
    const own = JSON.parse(readFileSync(base, "utf8"));
    const exclude = [...(own.exclude ?? []), ...out.files.map((t) => path.relative(path.dirname(base), path.resolve(packageDir, t.file)))];
    writeFileSync(derived, JSON.stringify({ extends: `./${path.basename(base)}`, exclude }));
    for (const t of out.files) say(`${t.file} not type-checked: ${offWords(t.off)} in ${CONFIG_FILE}`);
    finalArgs = args.map((a, i) => (args[i - 1] === "-p" ? derived : a));
  }
  if (command === "vitest") {
    for (const { target, what } of out.within) say(`${offWords([target])} in ${CONFIG_FILE}: ${what}`);
  }
  const bin = command === "--" ? args[0] : command;
  const rest = command === "--" ? finalArgs.slice(1) : finalArgs;
  try {
    const result = spawnSync(bin, rest, { cwd: packageDir, stdio: "inherit", shell: process.platform === "win32" });
    if (result.error) throw result.error;
    return result.status ?? 1;
  } finally {
    cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command || (command === "--" && args.length === 0)) {
    console.error("usage: node scripts/targets.mjs <tsc|vitest> [args...] | -- <command> [args...]  (in a package folder)");
    process.exit(2);
  }
  // npm runs a script with node_modules/.bin on PATH, so "tsc" and "vitest" resolve as in the script.
  process.exit(runAdapted(process.cwd(), command, args));
}
