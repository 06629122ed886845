/**
 * `CONTRACTS_TIMINGS=1` prints when each phase of a run ended, in ms since the process started,
 * on stderr: where a slow run spends its time, without a profiler.
 */
const enabled = process.env["CONTRACTS_TIMINGS"] === "1";

export function phase(name: string): void {
  if (enabled) process.stderr.write(`contracts timing: ${performance.now().toFixed(0).padStart(6)} ms  ${name}\n`);
}
