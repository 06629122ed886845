import { parentPort, workerData } from "node:worker_threads";
import type { RawSchemaFile } from "../load/read.js";
import { emitEntities, modelFromFilesUnchecked } from "../pipeline.js";
import { phase } from "../timings.js";
import { saveCodeCaches } from "../load/code-cache.js";

/**
 * The worker thread of a generate run: loads its emitters' libraries while the main thread loads,
 * reads and validates, then runs its emitters' entity steps for the entities it is asked for. The
 * model is built from the sources sent with the request, without validation again: the main
 * thread validated them before asking.
 */
const { emitters: names } = workerData as { emitters: string[] };
const ready = import("../emit/index.js").then(async ({ emitters: all }) => {
  const mine = all.filter((e) => names.includes(e.name));
  await Promise.all(mine.map((e) => e.prepare?.()));
  phase("worker: libraries loaded");
  return mine;
});
// Nobody may be listening yet: a failure is reported when (if) work is asked for.
ready.catch(() => undefined);

parentPort?.once("message", async ({ files, names: entities }: { files: RawSchemaFile[]; names: string[] }) => {
  try {
    const mine = await ready;
    const outcomes = await emitEntities(modelFromFilesUnchecked(files), mine, entities);
    phase("worker: entities emitted");
    parentPort?.postMessage({ ok: true, outcomes: [...outcomes] });
    // After answering: the main thread has its own work left, and this is off its path.
    saveCodeCaches();
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
});
