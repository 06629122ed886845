// `npm run bench` (validators part): ns per check of @contracts/validators against Ajv (compiled and
// standalone), TypeBox's Compile and a hand-written guard, per value of a payload-shape table
// (bench/values.mjs); a sweep of open-record depth (1..998) and width (1..10,000 keys); and
// `validateX` (every error) against Ajv `allErrors: true` on the invalid values. Then the same in a
// child process under --disallow-code-generation-from-strings (no eval: Cloudflare Workers, a
// strict CSP), where Ajv is the standalone code this process generated and TypeBox's Compile falls
// back to its interpreter.
//
// Rounds are interleaved (every validator measured on a value, then the next round), and the median
// round is reported: the machine is shared, so read the ratios, not the absolute figures.
// BENCH_ROUNDS (default 15), BENCH_MS (time per measurement, default 3) and BENCH_WARM_MS (mixed
// warm-up per validator and table, default 300) tune the run;
// BENCH_BEFORE=<dir> adds a second build of @contracts/validators (its dist/) side by side;
// BENCH_KEYS (default 1,000,000) and BENCH_KEY_ROUNDS (default 3) size the key-budget table;
// BENCH_ONLY=<sections> (of is,views,sweeps,scan,validate,keys; all by default) runs only those.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Compile } from "typebox/compile";
import * as ours from "@contracts/validators";
import { isConnectorWithStatusByHand } from "./hand-guard.mjs";
import { deepSchema, table, wideRecord, wideSchema, withConfigSchema, withServerConfig } from "./values.mjs";

const here = import.meta.dirname;
const schema = JSON.parse(readFileSync(path.join(here, "../schemas/connector-with-status.schema.json"), "utf8"));
const child = process.argv[2] === "--child";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BATCH_NS = Number(process.env.BENCH_MS ?? 3) * 1e6;
const WARM_NS = Number(process.env.BENCH_WARM_MS ?? 300) * 1e6;
let evalAllowed = true;
try {
  new Function("");
} catch {
  evalAllowed = false;
}
const require = createRequire(import.meta.url);
const before = process.env.BENCH_BEFORE ? await import(pathToFileURL(path.resolve(process.env.BENCH_BEFORE, "index.js")).href) : undefined;

// --- the validators -------------------------------------------------------------------------
const AJV = evalAllowed ? "Ajv" : "Ajv standalone";
const checks = { ours: ours.isConnectorWithStatus, "ours jsonOnly": ours.validators.ConnectorWithStatus.jsonOnly.is };
const validates = { ours: (v) => ours.validateConnectorWithStatus(v).ok };
if (before) {
  checks.before = before.isConnectorWithStatus;
  validates.before = (v) => before.validateConnectorWithStatus(v).ok;
}
let standaloneFiles;
if (child) {
  standaloneFiles = JSON.parse(process.argv[3]);
} else {
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const standalone = require("ajv/dist/standalone").default;
  // Inside node_modules so the standalone code's require("ajv-formats/...") resolves.
  const dir = path.join(here, "../node_modules/.cache/contracts-bench");
  mkdirSync(dir, { recursive: true });
  standaloneFiles = {};
  for (const [key, options] of [
    ["first", {}],
    ["all", { allErrors: true }],
  ]) {
    const ajv = new Ajv2020({ strict: false, code: { source: true }, ...options });
    addFormats(ajv);
    const compiled = ajv.compile(schema);
    if (key === "first") checks.Ajv = compiled;
    else validates["Ajv allErrors"] = compiled;
    standaloneFiles[key] = path.join(dir, `ajv-standalone-${key}.cjs`);
    writeFileSync(standaloneFiles[key], standalone(ajv, compiled));
  }
}
checks["Ajv standalone"] = require(standaloneFiles.first);
validates["Ajv standalone allErrors"] = require(standaloneFiles.all);
const jit = Compile(schema);
const typebox = `TypeBox ${jit.IsAccelerated() ? "JIT" : "interpreted"}`;
checks[typebox] = (v) => jit.Check(v);
checks["hand guard"] = isConnectorWithStatusByHand;

// --- measuring ------------------------------------------------------------------------------
let sink = 0;
/** ns per call of `fn(value)`, over a batch of `n` calls. */
function batch(fn, value, n) {
  // Each batch starts from a collected heap (the bench runs with --expose-gc), so no validator
  // pays for the garbage of the one measured before it.
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (fn(value)) sink++;
  return Number(process.hrtime.bigint() - t0) / n;
}
/** Calls per batch so that one batch takes about BATCH_NS (after a warm-up). */
function calibrate(fn, value) {
  let n = 1;
  for (;;) {
    const ns = batch(fn, value, n) * n;
    if (ns > BATCH_NS / 4 || n > 1 << 22) return Math.max(1, Math.round((n * BATCH_NS) / Math.max(ns, 1)));
    n *= 4;
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** rows: [label, value]; fns: name -> fn. Returns label -> name -> ns of each round, rounds interleaved. */
function measure(rows, fns) {
  const names = Object.keys(fns);
  // Warm up on the rows mixed, as a service's validator is warm on mixed traffic: measured one
  // value at a time from cold, a validator's first thousands of calls (interpreted, then
  // recompiled as each new kind of value deoptimizes it) would swamp the figure.
  for (const k of names) {
    const t0 = process.hrtime.bigint();
    while (Number(process.hrtime.bigint() - t0) < WARM_NS) for (const [, value] of rows) if (fns[k](value)) sink++;
  }
  const plan = rows.map(([label, value]) => ({
    label,
    value,
    n: Object.fromEntries(names.map((k) => [k, calibrate(fns[k], value)])),
    ns: Object.fromEntries(names.map((k) => [k, []])),
  }));
  for (let r = 0; r < ROUNDS; r++) {
    for (const row of plan) {
      // Rotate the order each round so no validator always runs right after another.
      for (let j = 0; j < names.length; j++) {
        const k = names[(j + r) % names.length];
        row.ns[k].push(batch(fns[k], row.value, row.n[k]));
      }
    }
  }
  return new Map(plan.map((row) => [row.label, row.ns]));
}

const fmt = (ns) => (ns >= 100_000 ? `${(ns / 1000).toFixed(0)} µs` : ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)}`);
function print(title, results, names, peer) {
  console.log(`\n${title}\n`);
  console.log(`| value | ${names.join(" | ")} | ours vs ${peer} |`);
  console.log(`|---|${names.map(() => "---:").join("|")}|---:|`);
  const ratios = [];
  for (const [label, rounds] of results) {
    // The ratio of each round's two figures, measured moments apart, then the median round: a
    // burst of load from another process moves both figures of a round, not one.
    const r = median(rounds.ours.map((ours, i) => rounds[peer][i] / ours));
    ratios.push(r);
    console.log(`| ${label} | ${names.map((k) => fmt(median(rounds[k]))).join(" | ")} | ${r.toFixed(2)}x |`);
  }
  const worst = Math.min(...ratios);
  console.log(`\nours vs ${peer}: median ${median(ratios).toFixed(2)}x, worst ${worst.toFixed(2)}x (ns per check; ratio > 1 means ours is faster)`);
  return ratios;
}

// --- verdicts first: a fast validator that is wrong is not measured -------------------------
for (const [name, fn] of Object.entries(checks)) {
  const wrong = table.filter(([, value, want]) => (fn(value) === true) !== want).map(([label]) => label);
  if (wrong.length > 0) {
    // TypeBox's own formats differ from ajv-formats on some strings; it is shown, flagged.
    if (name.startsWith("TypeBox")) console.log(`(${name} disagrees with Ajv on: ${wrong.join(", ")})`);
    else throw new Error(`${name} disagrees with Ajv on: ${wrong.join(", ")}`);
  }
}

const mode = evalAllowed ? "eval allowed" : "--disallow-code-generation-from-strings";
const only = new Set((process.env.BENCH_ONLY ?? "is,views,sweeps,scan,validate,keys").split(","));
const checkNames = Object.keys(checks);
if (only.has("is"))
  print(
    `### is(): ns per check, ${mode}`,
    measure(
      table.map(([l, v]) => [l, v]),
      checks,
    ),
    checkNames,
    AJV,
  );

// The write views (issue 14) are entities of their own: the same speed class as the entity, against
// Ajv compiled from the 3.1 document's components (what a client validating a request body uses).
if (only.has("views") && !child) {
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...JSON.parse(readFileSync(path.join(here, "../packages/openapi/generated/openapi.json"), "utf8")), $id: "openapi.json" });
  const input = (v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== "id" && k !== "createdAt"));
  const [, small] = table.find(([, , valid]) => valid);
  const rows = [
    ["Input: a valid create body", "ConnectorWithStatusInput", input(small)],
    ["Input: id sent", "ConnectorWithStatusInput", { ...input(small), id: "srv_1" }],
    ["Input: 300-property configSchema", "ConnectorWithStatusInput", input(withConfigSchema(wideSchema(300)))],
    ["Patch: { enabled: false }", "ConnectorWithStatusPatch", { enabled: false }],
    ["Patch: empty", "ConnectorWithStatusPatch", {}],
    ["Patch: a wrong type", "ConnectorWithStatusPatch", { enabled: "no" }],
  ];
  const results = [];
  for (const [label, view, value] of rows) {
    const fns = { ours: ours.validators[view].is, [AJV]: ajv.compile({ $ref: `openapi.json#/components/schemas/${view}` }) };
    if (fns.ours(value) !== fns[AJV](value)) throw new Error(`${label}: ours and Ajv disagree`);
    results.push(...measure([[label, value]], fns));
  }
  print(`### The write views: is(), ns per check, ${mode}`, results, ["ours", AJV], AJV);
}

const sweepNames = ["ours", ...(before ? ["before"] : []), AJV];
const pick = (names) => Object.fromEntries(names.map((k) => [k, checks[k]]));
const depths = [1, 2, 4, 8, 16, 32, 33, 64, 128, 256, 512, 998];
if (only.has("sweeps"))
  print(
    `### configSchema depth sweep (is(), ${mode})`,
    measure(
      depths.map((d) => [`depth ${d}`, withConfigSchema(deepSchema(d))]),
      pick(sweepNames),
    ),
    sweepNames,
    AJV,
  );
const widths = [1, 10, 100, 1000, 10000];
if (only.has("sweeps"))
  print(
    `### server.config width sweep (is(), ${mode})`,
    measure(
      widths.map((w) => [`${w} keys`, withServerConfig(wideRecord(w))]),
      pick(sweepNames),
    ),
    sweepNames,
    AJV,
  );

// The jsonOnly mode's scan: what it adds to is(), per node of the value (objects, arrays, primitives),
// beside the floor: the least a scan of every node can do in JavaScript (one stack, for-in, each
// value read once, nothing checked), measured in the same rounds.
const nodes = (v) => (typeof v === "object" && v !== null ? 1 + Object.values(v).reduce((n, c) => n + nodes(c), 0) : 1);
function floor(root) {
  const stack = [root];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    n++;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === "object" && v[i] !== null) stack.push(v[i]);
    } else for (const k in v) if (typeof v[k] === "object" && v[k] !== null) stack.push(v[k]);
  }
  return n > 0;
}
const scanRows = [
  ["small valid", table[0][1]],
  ["configSchema, 300 properties", withConfigSchema(wideSchema(300))],
  ["configSchema 400 deep (800 levels of JSON)", withConfigSchema(deepSchema(400))],
  ["server.config, 10,000 keys", withServerConfig(wideRecord(10_000))],
];
const scanned = only.has("scan") ? measure(scanRows, { ...pick(["ours", "ours jsonOnly"]), floor }) : new Map();
if (scanned.size > 0) console.log(`\n### jsonOnly's JSON-data scan, ${mode}\n`);
if (scanned.size > 0)
  console.log("| value | nodes | is() | jsonOnly.is() | scan ns per node | floor ns per node | scan / floor |\n|---|---:|---:|---:|---:|---:|---:|");
for (const [label, value] of scanned.size > 0 ? scanRows : []) {
  const r = scanned.get(label);
  const [a, b, f] = [median(r.ours), median(r["ours jsonOnly"]), median(r.floor)];
  const n = nodes(value);
  console.log(
    `| ${label} | ${n.toLocaleString("en-US")} | ${fmt(a)} | ${fmt(b)} | ${((b - a) / n).toFixed(1)} | ${(f / n).toFixed(1)} | ${((b - a) / f).toFixed(2)}x |`,
  );
}

const ALL = evalAllowed ? "Ajv allErrors" : "Ajv standalone allErrors";
const invalid = table.filter(([, , want]) => !want).map(([l, v]) => [l, v]);
const allNames = Object.keys(validates).filter((k) => evalAllowed || k !== "Ajv allErrors");
if (only.has("validate"))
  print(
    `### validateX (every error) vs Ajv allErrors: ns per invalid value, ${mode}`,
    measure(invalid, Object.fromEntries(allNames.map((k) => [k, validates[k]]))),
    allNames,
    ALL,
  );
// The key budget: an object with BENCH_KEYS (default 1,000,000) keys, where a closed object
// has it (the root) and in an open record (server.config, which only jsonOnly reads). A few
// single calls each, interleaved; V8's own enumeration of such an object is the floor (Object.keys,
// and Object.getOwnPropertyNames, which TypeBox's check of a closed object calls).
if (!child && evalAllowed && only.has("keys")) {
  const KEYS = Number(process.env.BENCH_KEYS ?? 1_000_000);
  const many = (into) => {
    for (let i = 0; i < KEYS; i++) into[`k${i}`] = i;
    return into;
  };
  const small = table[0][1];
  const values = [
    [`root with ${KEYS.toLocaleString("en-US")} unknown keys`, many({ ...small })],
    [`server.config with ${KEYS.toLocaleString("en-US")} keys`, { ...small, server: { ...small.server, config: many({}) } }],
  ];
  const fns = {
    "Object.keys": (v) => Object.keys(v.server.config === small.server.config ? v : v.server.config).length > 0,
    "Object.getOwnPropertyNames": (v) => Object.getOwnPropertyNames(v.server.config === small.server.config ? v : v.server.config).length > 0,
    "ours is()": checks.ours,
    "ours validateX": validates.ours,
    "ours jsonOnly.validate": (v) => ours.validators.ConnectorWithStatus.jsonOnly.validate(v).ok,
    ...(before ? { "before validateX": validates.before } : {}),
    Ajv: checks.Ajv,
    "Ajv allErrors": validates["Ajv allErrors"],
  };
  const rounds = Number(process.env.BENCH_KEY_ROUNDS ?? 3);
  const ms = new Map(values.map(([label]) => [label, Object.fromEntries(Object.keys(fns).map((k) => [k, []]))]));
  for (let r = 0; r < rounds; r++)
    for (const [label, value] of values)
      for (const k of Object.keys(fns)) {
        globalThis.gc?.();
        const t0 = process.hrtime.bigint();
        if (fns[k](value)) sink++;
        ms.get(label)[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
  console.log(`\n### The key budget: ms per call, median of ${rounds}\n`);
  console.log(`| value | ${Object.keys(fns).join(" | ")} |`);
  console.log(
    `|---|${Object.keys(fns)
      .map(() => "---:")
      .join("|")}|`,
  );
  for (const [label, row] of ms)
    console.log(
      `| ${label} | ${Object.values(row)
        .map((xs) => median(xs).toFixed(0))
        .join(" | ")} |`,
    );
}
if (sink < 0) console.log(sink);

if (!child) {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--disallow-code-generation-from-strings", import.meta.filename, "--child", JSON.stringify(standaloneFiles)],
    { stdio: "inherit" },
  );
  process.exitCode = run.status ?? 1;
}
