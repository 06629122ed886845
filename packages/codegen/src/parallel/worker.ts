import { parentPort, workerData } from "node:worker_threads";
import type { RawSchemaFile } from "../load/read.js";
import { emitEntities, modelFromFilesUnchecked } from "../pipeline.js";
import { phase } from "../timings.js";

/**
 * The worker thread of a generate run: loads its emitters' libraries and builds the model from
 * the same sources while the main thread validates them, then runs its emitters' entity steps for
 * the entities it is asked for. The model is built without validation: it is only used once the
 * main thread, having validated, asks for something.
 */
const { files, emitters: names } = workerData as { files: RawSchemaFile[]; emitters: string[] };
const all = (await import("../emit/index.js")).emitters;
const mine = all.filter((e) => names.includes(e.name));
const ready = Promise.all(mine.map((e) => e.prepare?.())).then(() => {
  phase("worker: libraries loaded");
  return modelFromFilesUnchecked(files);
});
// Nobody may be listening yet: a failure is reported when (if) work is asked for.
ready.catch(() => undefined);

parentPort?.once("message", async ({ names: entities }: { names: string[] }) => {
  try {
    const outcomes = await emitEntities(await ready, mine, entities);
    phase("worker: entities emitted");
    parentPort?.postMessage({ ok: true, outcomes: [...outcomes] });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
});
