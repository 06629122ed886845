// `npm run bench`: checks/s of @contracts/validators against Ajv, TypeBox's JIT and a hand-written
// guard on a mix of valid and invalid values, then the same in a child process under
// --disallow-code-generation-from-strings (no eval: Cloudflare Workers, strict CSP), where Ajv runs
// as standalone code generated ahead of time by the parent and TypeBox's Compile falls back to its
// interpreter.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Bench } from "tinybench";
import { Compile } from "typebox/compile";
import { isConnectorWithStatus } from "@contracts/validators";
import { isConnectorWithStatusByHand } from "./hand-guard.mjs";
import { invalidValues, mix, validValues } from "./values.mjs";

const here = import.meta.dirname;
const schema = JSON.parse(readFileSync(path.join(here, "../schemas/connector-with-status.schema.json"), "utf8"));
const child = process.argv[2] === "--child";
let evalAllowed = true;
try {
  new Function("");
} catch {
  evalAllowed = false;
}

const require = createRequire(import.meta.url);
const checks = { "@contracts/validators is()": isConnectorWithStatus };
if (child) {
  checks["Ajv standalone (AOT)"] = require(process.argv[3]);
} else {
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const ajv = new Ajv2020({ strict: false, code: { source: true } });
  addFormats(ajv);
  checks["Ajv 2020 + ajv-formats compiled"] = ajv.compile(schema);
  const standalone = require("ajv/dist/standalone").default;
  // Inside node_modules so its require("ajv-formats/...") resolves.
  const dir = path.join(here, "../node_modules/.cache/contracts-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "ajv-standalone.cjs");
  writeFileSync(file, standalone(ajv, checks["Ajv 2020 + ajv-formats compiled"]));
  process.env.AJV_STANDALONE = file;
}
const jit = Compile(schema);
checks[`TypeBox Compile (${jit.IsAccelerated() ? "JIT" : "interpreted, no eval"})`] = (v) => jit.Check(v);
checks["hand-written guard (loose formats)"] = isConnectorWithStatusByHand;

const want = mix.map((_, i) => i < validValues.length);
for (const [label, check] of Object.entries(checks)) {
  const got = mix.map((v) => check(v) === true);
  // TypeBox's own formats and the hand guard's loose ones may differ on edge cases, not on this mix.
  if (got.some((g, i) => g !== want[i])) throw new Error(`${label} disagrees on the benchmark values: ${got}`);
}

const bench = new Bench({ time: Number(process.env.BENCH_TIME ?? 1000), warmupTime: 300 });
let sink = 0;
for (const [label, check] of Object.entries(checks)) {
  bench.add(label, () => {
    for (let i = 0; i < mix.length; i++) if (check(mix[i])) sink++;
  });
}
await bench.run();
const perSecond = new Map(bench.tasks.map((t) => [t.name, t.result.throughput.mean * mix.length]));
const ours = perSecond.get("@contracts/validators is()");
console.log(
  `\n${evalAllowed ? "eval allowed" : "--disallow-code-generation-from-strings"}: ${validValues.length} valid + ${invalidValues.length} invalid values per op`,
);
for (const [label, hz] of perSecond) {
  console.log(
    `  ${label.padEnd(42)} ${Math.round(hz).toLocaleString("en-US").padStart(11)} checks/s  ${(1e9 / hz).toFixed(0).padStart(6)} ns/check  ours = ${(ours / hz).toFixed(2)}x`,
  );
}
const ajvLabel = child ? "Ajv standalone (AOT)" : "Ajv 2020 + ajv-formats compiled";
const ratioAjv = ours / perSecond.get(ajvLabel);
const ratioHand = ours / perSecond.get("hand-written guard (loose formats)");
console.log(`  => ours = ${ratioAjv.toFixed(2)}x ${ajvLabel} (target >= 1.5x), ${ratioHand.toFixed(2)}x the hand-written guard (target >= 0.5x)`);
if (sink < 0) console.log(sink);

if (!child) {
  const run = spawnSync(process.execPath, ["--disallow-code-generation-from-strings", import.meta.filename, "--child", process.env.AJV_STANDALONE], {
    stdio: "inherit",
  });
  process.exitCode = run.status ?? 1;
}
