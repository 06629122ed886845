#!/usr/bin/env node
// `npm run bench -w @contracts/connectors-api`: N concurrent clients (autocannon) against the real
// service over loopback, for a bounded time per run, with request-body validation on and off,
// alternated so both see the machine alike. Prints requests/s per scenario and the ratio, and
// fails when any request failed (a non-2xx status, a socket error or a timeout).
import { fork } from "node:child_process";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const CONNECTIONS = option("--connections", 10);
const SECONDS = option("--seconds", 3);
const ROUNDS = option("--rounds", 2);

const SCENARIOS = [
  { name: "GET /connectors/:slug", requests: [{ method: "GET", path: "/connectors/acme-connector" }] },
  { name: "GET /connectors?limit=6", requests: [{ method: "GET", path: "/connectors?limit=6" }] },
  // A body route: the same patch each time, so every request is a 200 (a POST would meet its own slug).
  { name: "PATCH /connectors/:slug { enabled }", requests: [patch({ enabled: false })] },
  { name: "PATCH /connectors/:slug, a 300-property configSchema (34 KB)", requests: [patch({ configSchema: wideSchema(300) })] },
];

function patch(body) {
  return { method: "PATCH", path: "/connectors/acme-connector", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** A JSON Schema with `n` properties: what `configSchema` carries in a real connector. */
function wideSchema(n) {
  const properties = {};
  for (let i = 0; i < n; i++) properties[`option${i}`] = { type: "string", description: `Option ${i} of the connector's configuration.`, default: "" };
  return { type: "object", properties, required: ["option0"], additionalProperties: false };
}

async function serve(mode) {
  const child = fork(new URL("./serve.mjs", import.meta.url), [mode], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`the service exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))) };
}

async function load(url, scenario) {
  // A second of warm-up first: the JIT and the database's statement cache, not measured.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, requests: scenario.requests });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: scenario.requests });
  return { rps: result.requests.average, total: result.requests.total, failed: result.non2xx + result.errors + result.timeouts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let failed = 0;
for (const scenario of SCENARIOS) {
  const runs = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 === 0 ? ["on", "off"] : ["off", "on"]) {
      const service = await serve(mode);
      try {
        const r = await load(service.url, scenario);
        runs[mode].push(r.rps);
        failed += r.failed;
        if (r.failed > 0) console.error(`${scenario.name}, validation ${mode}: ${r.failed} of ${r.total} requests failed`);
      } finally {
        await service.stop();
      }
    }
  }
  const on = median(runs.on);
  const off = median(runs.off);
  rows.push(`| ${scenario.name} | ${Math.round(on)} | ${Math.round(off)} | ${(on / off).toFixed(2)} |`);
}

console.log(`\nconnectors-api under load: ${CONNECTIONS} connections, ${SECONDS} s a run, median of ${ROUNDS} runs each, validation on and off alternated\n`);
console.log("| scenario | validation on, req/s | validation off, req/s | on / off |");
console.log("| --- | --- | --- | --- |");
for (const row of rows) console.log(row);
console.log(failed === 0 ? "\nno request failed" : `\n${failed} requests failed`);
process.exitCode = failed === 0 ? 0 : 1;
