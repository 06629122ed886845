import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, SchemaProblems } from "../errors.js";
import { generateProject } from "../pipeline.js";
import { applyPlan } from "../write/apply.js";
import { planWrites } from "../write/plan.js";

const USAGE = `Usage: contracts <command> [--root <dir>]

Commands:
  generate   write every generated file that changed, remove stale ones
  check      write nothing; exit 1 listing every generated file that is stale or missing

Options:
  --root <dir>  project root holding schemas/ (default: the current directory)
  --frozen      generate writes nothing and fails like check when a file is out of date;
                on by default when the CI environment variable is set (like \`npm ci\`),
                so CI fails on stale committed output instead of silently regenerating it
  --no-frozen   write even under CI
  -h, --help    show this help`;

/** Runs the CLI; returns the exit code (0 ok, 1 user error or drift, 2 internal error). */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void } = defaultIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { root: { type: "string" }, frozen: { type: "boolean" }, "no-frozen": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    io.err(`contracts: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined) {
    (command === undefined && !parsed.values.help ? io.err : io.out)(USAGE);
    return command === undefined && !parsed.values.help ? 1 : 0;
  }
  if (rest.length > 0 || (command !== "generate" && command !== "check")) {
    io.err(`contracts: unknown command "${[command, ...rest].join(" ")}"\n\n${USAGE}`);
    return 1;
  }
  const root = path.resolve(parsed.values.root ?? process.cwd());
  const started = performance.now();
  try {
    const generated = await generateProject(root);
    const plan = await planWrites(root, generated.outputs, generated.ownedRoots);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const frozen = parsed.values["no-frozen"] ? false : (parsed.values.frozen ?? isCi(env));
    if (command === "check" || frozen) {
      const drift = [
        ...plan.changed.map((f) => `  changed  ${f}`),
        ...plan.missing.map((f) => `  missing  ${f}`),
        ...plan.stale.map((f) => `  stale    ${f}`),
      ];
      if (drift.length === 0) {
        io.out(`contracts ${command}: ${plan.unchanged.length} generated files up to date (${seconds}s)${command === "check" ? "" : ", frozen: nothing written"}`);
        return 0;
      }
      io.err(`contracts ${command}${command === "check" ? "" : " --frozen"}: ${drift.length} generated file${drift.length === 1 ? " is" : "s are"} out of date:\n${drift.join("\n")}\nfix: run \`npm run generate\` and commit the result (generated files are never edited by hand).`);
      return 1;
    }
    await applyPlan(root, plan, generated.outputs);
    const written = plan.changed.length + plan.missing.length;
    io.out(`contracts generate: ${written} written, ${plan.unchanged.length} unchanged, ${plan.stale.length} removed (${seconds}s)`);
    return 0;
  } catch (error) {
    if (error instanceof SchemaProblems) {
      const files = new Set(error.problems.map((p) => p.file)).size;
      const n = error.problems.length;
      io.err(`contracts ${command}: ${n} problem${n === 1 ? "" : "s"} in ${files} schema file${files === 1 ? "" : "s"}; nothing was written.\n\n${error.problems.map(formatProblem).join("\n\n")}`);
      return 1;
    }
    io.err(`contracts ${command}: internal error (a bug in @contracts/codegen, please report it):\n${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

const defaultIo = {
  out: (s: string) => process.stdout.write(`${s}\n`),
  err: (s: string) => process.stderr.write(`${s}\n`),
};

/** `CI` as CI services set it (`true`, `1`); `CI=false` or `CI=0` means not CI. */
function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env["CI"];
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
