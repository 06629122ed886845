// Runs a CLI in this process and prints `{"ms":…, "cpuMs":…, "maxRssKb":…}` on stderr's last line, so
// the benchmark measures wall time, CPU time (user + system, every thread) and peak RSS the same way
// for every peer, with nothing but Node. CPU time moves less than wall time when the host is busy.
// Usage: node measure.mjs <cli-module> [args...]
import { pathToFileURL } from "node:url";

const [cli, ...args] = process.argv.slice(2);
const started = performance.now();
process.argv = [process.argv[0], cli, ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  const report = {
    ms: performance.now() - started,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKb: usage.maxRSS,
    code: process.exitCode ?? 0,
  };
  process.stderr.write(`\n${JSON.stringify(report)}\n`);
});
await import(pathToFileURL(cli).href);
