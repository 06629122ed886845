// Runs a CLI in this process and prints `{"ms":…, "maxRssKb":…}` on stderr's last line, so the
// benchmark measures wall time and peak RSS the same way for every peer, with nothing but Node.
// Usage: node measure.mjs <cli-module> [args...]
import { pathToFileURL } from "node:url";

const [cli, ...args] = process.argv.slice(2);
const started = performance.now();
process.argv = [process.argv[0], cli, ...args];
process.on("exit", () => {
  const report = { ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, code: process.exitCode ?? 0 };
  process.stderr.write(`\n${JSON.stringify(report)}\n`);
});
await import(pathToFileURL(cli).href);
