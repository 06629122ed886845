import { setFlagsFromString } from "node:v8";

/**
 * How much bytecode a function runs before V8 considers optimizing it with TurboFan (V8's own
 * default is 66 KiB in Node 20, 132 KiB in later V8s, which tier up through Maglev first, on a
 * budget of its own): sixteen times Node 20's default, so only code that stays hot through a run
 * gets TurboFan's attention.
 *
 * Why: a generate run is a short burst through a lot of library code (json2ts, TypeBox,
 * openapi-typescript, Ajv), most of it warm for a second and then done. With the default budget,
 * V8's background compiler threads spent about 2.1 s of CPU optimizing it on 200 entities (a
 * third of all the run's CPU, by `perf` samples of every thread): on two cores that CPU is taken
 * from the two threads that emit. At 1 MiB they spend about 0.16 s, the emitting threads run a
 * little longer unoptimized, and the run's CPU falls by a fifth (the alternatives measured are in
 * the README's "Measured decisions").
 */
export const INTERRUPT_BUDGET = 1024 * 1024;

/**
 * The V8 flags the CLI sets for itself, unless the user set them (in `node`'s own arguments):
 * none changes output, only how fast V8 runs the code.
 */
export function v8TuningFlags(execArgv: readonly string[]): string[] {
  // V8 reads `--interrupt_budget` and `--interrupt-budget` alike.
  const userSet = (flag: string) => execArgv.some((arg) => arg.split("=")[0]?.replace(/_/g, "-") === flag);
  return userSet("--interrupt-budget") ? [] : [`--interrupt-budget=${INTERRUPT_BUDGET}`];
}

/**
 * Sets them for this process, before the CLI loads anything else: V8's flags are process-wide
 * (the emit worker thread gets them too) and apply to functions compiled from then on. Node warns
 * that changing flags after start may do nothing or worse; this one only moves the point at
 * which V8 tiers a function up, which it reads each time it resets a function's budget.
 */
export function tuneV8(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of v8TuningFlags(execArgv)) setFlagsFromString(flag);
}
