import { existsSync } from "node:fs";
import { watch as watchFs } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SCHEMA_DIR } from "../load/read.js";
import type { Io } from "./io.js";
import { newSession } from "../session.js";
import { runOnce } from "./run.js";

export interface WatchOptions {
  /** Quiet time after the last change before regenerating: editors save in bursts. */
  readonly debounceMs: number;
  /** Stops watching; `watch` then resolves. */
  readonly signal: AbortSignal;
  /** Called after every run with its exit code (tests wait on it). */
  readonly onRun?: (code: number) => void;
}

/**
 * Generates, then regenerates whenever a schema changes, until aborted. A bad save prints its
 * problems and leaves the outputs as they were; the next good save recovers.
 */
export async function watch(root: string, io: Io, options: WatchOptions): Promise<number> {
  const dir = path.join(root, SCHEMA_DIR);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const session = newSession(root);
  const regenerate = () => {
    // Runs are chained so two never write at once.
    running = running.then(async () => {
      const code = await runOnce("generate", root, { frozen: false, list: true, session }, io);
      options.onRun?.(code);
    });
  };
  regenerate();
  io.out(`contracts watch: watching ${SCHEMA_DIR}/ (Ctrl-C to stop)`);
  try {
    while (!options.signal.aborted) {
      if (!existsSync(dir)) {
        // An OS watcher follows the folder it was given, not its path: once schemas/ is removed
        // (or moved away) it reports nothing more, so the path is polled until it is back.
        io.out(`contracts watch: ${SCHEMA_DIR}/ is gone; waiting for it to come back`);
        while (!existsSync(dir)) await sleep(POLL_MS, undefined, { signal: options.signal });
        io.out(`contracts watch: ${SCHEMA_DIR}/ is back`);
        regenerate();
      }
      await watchUntilGone(dir, options.signal, (filename) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          io.out(`contracts watch: ${filename ?? "a schema"} changed`);
          regenerate();
        }, options.debounceMs);
      });
    }
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  } finally {
    clearTimeout(timer);
  }
  await running;
  return 0;
}

const POLL_MS = 100;

/** Reports schema saves in `dir` until it is removed (its watcher's last event) or `signal` aborts. */
async function watchUntilGone(dir: string, signal: AbortSignal, changed: (filename: string | null) => void): Promise<void> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal.addEventListener("abort", abort, { once: true });
  try {
    for await (const event of watchFs(dir, { signal: stop.signal })) {
      if (!existsSync(dir)) return;
      if (event.filename && !event.filename.endsWith(".schema.json")) continue;
      changed(event.filename);
    }
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
    if (signal.aborted) throw error;
  } finally {
    signal.removeEventListener("abort", abort);
    stop.abort();
  }
}
