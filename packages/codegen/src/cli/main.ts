import path from "node:path";
import { parseArgs } from "node:util";
import { startEmitWorker } from "../run/worker.js";
import { processIo, type Io } from "./io.js";

const USAGE = `Usage: contracts <command> [options]

Commands:
  generate   write every generated file that changed, remove stale ones
  check      write nothing; exit 1 listing every generated file that is stale or missing
  watch      generate, then regenerate on every schema save until Ctrl-C
  diff       compare the schemas at --base <git-ref> with the working tree: the semver bump
             each change needs, judged for readers (responses) and writers (requests)

Options:
  --root <dir>       project root holding schemas/ (default: the current directory)
  --frozen           generate writes nothing and fails like check when a file is out of date;
                     on by default when the CI environment variable is set (like \`npm ci\`),
                     so CI fails on stale committed output instead of silently regenerating it
  --no-frozen        write even under CI
  --no-cache         generate: emit every entity again, ignoring node_modules/.cache/contracts
                     (entities whose schema, referenced schemas and codegen are unchanged are
                     otherwise taken from it; check never uses it)
  --debounce <ms>    watch: quiet time after a save before regenerating (default 100)
  --base <git-ref>   diff: the commit to compare with (a branch, tag or sha)
  --json             diff: print { bump, changes: [{ entity, pointer, change, bump, side, reason }] }
  --write-changeset  diff: write .changeset/contracts-diff-<hash>.md bumping every generated
                     package by the computed level, the change list as its summary
  --require-changeset
                     diff: exit 1 when the changesets added since --base do not cover the bump
  -h, --help         show this help

Files:
  contracts.config.json   optional project settings at the root (targets on/off, rule levels; see the README)

Environment:
  CONTRACTS_TIMINGS=1  print when each phase of a run ended (ms since start) on stderr`;

/** Runs the CLI; returns the exit code (0 ok, 1 user error or drift, 2 internal error). */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
  signal?: AbortSignal,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: "string" },
        frozen: { type: "boolean" },
        "no-frozen": { type: "boolean" },
        "no-cache": { type: "boolean" },
        debounce: { type: "string" },
        base: { type: "string" },
        json: { type: "boolean" },
        "write-changeset": { type: "boolean" },
        "require-changeset": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.err(`contracts: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (command === undefined) {
    io.err(USAGE);
    return 1;
  }
  if (rest.length > 0 || (command !== "generate" && command !== "check" && command !== "watch" && command !== "diff")) {
    io.err(`contracts: unknown command "${[command, ...rest].join(" ")}"\n\n${USAGE}`);
    return 1;
  }
  const root = path.resolve(parsed.values.root ?? process.cwd());
  if (command === "diff") {
    const { base } = parsed.values;
    if (base === undefined || base === "") {
      io.err(`contracts diff: --base <git-ref> is required (the commit to compare the working tree with, e.g. --base main)\n\n${USAGE}`);
      return 1;
    }
    const { runDiff } = await import("./diff.js");
    return runDiff(
      root,
      {
        base,
        json: parsed.values.json ?? false,
        writeChangeset: parsed.values["write-changeset"] ?? false,
        requireChangeset: parsed.values["require-changeset"] ?? false,
      },
      io,
    );
  }
  if (command === "watch") {
    const { watch } = await import("./watch.js");
    const { reportFailure } = await import("./run.js");
    const debounceMs = Number(parsed.values.debounce ?? 100);
    if (!Number.isInteger(debounceMs) || debounceMs < 0) {
      io.err(`contracts: --debounce takes a whole number of milliseconds, not "${parsed.values.debounce}"`);
      return 1;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener("abort", stop);
    process.once("SIGINT", stop);
    try {
      return await watch(root, io, { debounceMs, signal: controller.signal });
    } catch (error) {
      return reportFailure(command, error, io, root);
    } finally {
      process.off("SIGINT", stop);
    }
  }
  const frozen = parsed.values["no-frozen"] ? false : (parsed.values.frozen ?? isCi(env));
  // Started before the rest of the codegen is loaded: loading is most of a run's cost, and the
  // worker's share (the TypeScript compiler) loads meanwhile on the other core.
  const worker = startEmitWorker();
  const { runOnce } = await import("./run.js");
  return runOnce(command, root, { frozen, cache: !parsed.values["no-cache"], ...(worker ? { worker } : {}) }, io);
}

/** `CI` as CI services set it (`true`, `1`); `CI=false` or `CI=0` means not CI. */
function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env["CI"];
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
