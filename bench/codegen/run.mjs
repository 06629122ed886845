// Codegen benchmark: `contracts generate` on 1, 10, 100 and 200 synthetic entities, a full run
// (no cache, no previous output) and a run after one schema changed, side by side with the
// json-schema-to-typescript CLI generating types alone from the same files (as shipped, and again
// under the V8 flag contracts' launcher sets for itself, cli/v8-tuning.ts). Each run is a fresh
// process (startup counts, as it does for a developer), measured by measure.mjs; the one-touched
// run is also measured under `contracts watch` (watch.mjs), the process that regenerates on save.
// Usage: node bench/codegen/run.mjs [--sizes 1,10,100,200] [--repeat 3]
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { touchEntity, writeSyntheticProject } from "./synth.mjs";
import { watchTouched } from "./watch.mjs";
import { INTERRUPT_BUDGET } from "../../packages/codegen/dist/cli/v8-tuning.js";

const here = import.meta.dirname;
const repo = path.resolve(here, "../..");
const contracts = path.join(repo, "packages/codegen/bin/contracts.js");
const json2ts = path.join(repo, "node_modules/json-schema-to-typescript/dist/src/cli.js");
const measureScript = path.join(here, "measure.mjs");

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1,10,100,200" }, repeat: { type: "string", default: "3" } } });
const sizes = values.sizes.split(",").map(Number);
const repeat = Number(values.repeat);

async function measure(cwd, cli, args, nodeFlags = []) {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [...nodeFlags, measureScript, cli, ...args], {
      cwd,
      maxBuffer: 64 << 20,
      env: { ...process.env, CI: "" },
    });
    const report = JSON.parse(stderr.trim().split("\n").pop());
    if (report.code !== 0) throw new Error(`${path.basename(cli)} exited ${report.code}`);
    return report;
  } catch (error) {
    throw new Error(`${path.basename(cli)} ${args.join(" ")} failed in ${cwd}: ${error.stderr ?? error.message}`);
  }
}

/** The run of median wall time. */
function middle(results) {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median of `repeat` runs of `setup(); run()`, by wall time. */
async function median(setup, run) {
  const results = [];
  for (let i = 0; i < repeat; i++) {
    await setup(i);
    results.push(await run());
  }
  return middle(results);
}

const rows = [];
for (const n of sizes) {
  const root = await mkdtemp(path.join(tmpdir(), `contracts-bench-${n}-`));
  await writeSyntheticProject(root, n);
  const clean = async () => {
    await rm(path.join(root, "packages"), { recursive: true, force: true });
    await rm(path.join(root, "node_modules/.cache"), { recursive: true, force: true });
    await rm(path.join(root, "j2t"), { recursive: true, force: true });
  };
  // Full runs and json2ts runs alternate, so both see the machine in the same state: the ratio
  // of two medians taken minutes apart moved by ±15% on this 2-core machine.
  const fullRuns = [];
  const peerRuns = [];
  const tunedPeerRuns = [];
  // The last full run leaves the outputs and cache the one-touched runs start from.
  for (let i = 0; i < repeat; i++) {
    await clean();
    peerRuns.push(await measure(root, json2ts, ["-i", "schemas/*.schema.json", "-o", "j2t/"]));
    await clean();
    tunedPeerRuns.push(await measure(root, json2ts, ["-i", "schemas/*.schema.json", "-o", "j2t/"], [`--interrupt-budget=${INTERRUPT_BUDGET}`]));
    await clean();
    fullRuns.push(await measure(root, contracts, ["generate", "--root", root]));
  }
  const full = middle(fullRuns);
  const peer = middle(peerRuns);
  const tunedPeer = middle(tunedPeerRuns);
  // Entity 1 (entity 0 is the common schema: with one entity, the only one there is).
  const touchedEntity = n > 1 ? 1 : 0;
  const touched = await median(
    (i) => touchEntity(root, touchedEntity, i + 1),
    () => measure(root, contracts, ["generate", "--root", root]),
  );
  const watched = (await watchTouched(root, Math.max(repeat, 3), touchedEntity)).sort((a, b) => a - b);
  const watch = { ms: watched[Math.floor(watched.length / 2)] };
  rows.push({ n, full, touched, watch, peer, tunedPeer, fullRuns, peerRuns });
  await rm(root, { recursive: true, force: true });
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
console.log(`codegen benchmark (median of ${repeat}; wall time, peak RSS; each run a fresh process)\n`);
console.log(
  "| entities | contracts full | contracts one touched | one touched under watch | json2ts (types only) | full / json2ts | json2ts, contracts' V8 flag | full / that | touched / full | watch touched / full |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const pct = (a, b) => `${((a / b) * 100).toFixed(0)}%`;
for (const { n, full, touched, watch, peer, tunedPeer } of rows) {
  console.log(
    `| ${n} | ${s(full.ms)}, ${mb(full.maxRssKb)} | ${s(touched.ms)}, ${mb(touched.maxRssKb)} | ${s(watch.ms)} | ${s(peer.ms)}, ${mb(peer.maxRssKb)} | ${(full.ms / peer.ms).toFixed(2)}x | ${s(tunedPeer.ms)} | ${(full.ms / tunedPeer.ms).toFixed(2)}x | ${pct(touched.ms, full.ms)} | ${pct(watch.ms, full.ms)} |`,
  );
}
const at = (n) => rows.find((r) => r.n === n);
if (at(100) && at(200)) {
  const r200 = at(200);
  console.log(`\ntargets on 200 entities:`);
  console.log(
    `  full generate <= 1.5x json2ts:        ${(r200.full.ms / r200.peer.ms).toFixed(2)}x (${(r200.full.ms / r200.tunedPeer.ms).toFixed(2)}x against json2ts run with contracts' V8 flag)`,
  );
  const cpu = (runs) => middle(runs.map((r) => ({ ms: r.cpuMs }))).ms;
  console.log(
    `  CPU time (user + system, all threads), full / json2ts: ${(cpu(r200.fullRuns) / cpu(r200.peerRuns)).toFixed(2)}x (${s(cpu(r200.fullRuns))} against ${s(cpu(r200.peerRuns))})`,
  );
  console.log(
    `  one touched <= 15% of full:           ${pct(r200.touched.ms, r200.full.ms)} as a fresh process, ${pct(r200.watch.ms, r200.full.ms)} under watch`,
  );
  console.log(`  200 entities <= 2.5x the time of 100: ${(r200.full.ms / at(100).full.ms).toFixed(2)}x`);
}
