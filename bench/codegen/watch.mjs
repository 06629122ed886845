// One-touched regeneration under `contracts watch`: the process stays up between saves (libraries
// loaded, results in memory), which is how "generate on every save" runs. Each save rewrites one
// synthetic schema; the time is what the run itself reports (from the debounced start of the run
// to the last file written), so the editor's debounce is not counted.
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { touchEntity } from "./synth.mjs";

const contracts = path.resolve(import.meta.dirname, "../../packages/codegen/bin/contracts.js");

/** Starts watch in `root`, makes `saves` one-entity saves, returns each run's reported seconds. */
export async function watchTouched(root, saves, entity = 1) {
  const child = spawn(process.execPath, [contracts, "watch", "--root", root, "--debounce", "50"], {
    cwd: root,
    env: { ...process.env, CI: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const runs = [];
  let waiting;
  createInterface({ input: child.stdout }).on("line", (line) => {
    const match = /^contracts generate: .*\((\d+\.\d+)s\)$/.exec(line);
    if (match) {
      runs.push({ line, seconds: Number(match[1]) });
      waiting?.();
    }
  });
  let failed;
  child.once("exit", (code) => (failed ??= new Error(`contracts watch exited (code ${code})`)));
  // A run that fails prints no summary: without a limit the benchmark would wait for ever.
  const nextRun = () =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      const timer = setTimeout(() => reject(new Error("contracts watch printed no summary within 120 s")), 120_000);
      child.once("exit", () => reject(failed));
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  try {
    await nextRun(); // the first, full (or cached) run
    const times = [];
    for (let i = 0; i < saves; i++) {
      const run = nextRun();
      await touchEntity(root, entity, 1000 + i);
      await run;
      const last = runs.at(-1);
      // One schema is one entity plus its read/write views (XInput, XPatch): up to three re-emitted.
      if (!/ [1-3] of \d+ entit(?:y|ies) emitted/.test(last.line)) throw new Error(`expected one entity (and its views) re-emitted, got: ${last.line}`);
      times.push(last.seconds * 1000);
    }
    return times;
  } finally {
    child.kill();
    await once(child, "exit");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const times = await watchTouched(path.resolve(process.argv[2]), Number(process.argv[3] ?? 5));
  console.log(times.map((t) => `${t.toFixed(0)} ms`).join(", "));
}
