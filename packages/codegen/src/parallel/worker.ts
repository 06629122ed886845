import { parentPort, workerData } from "node:worker_threads";
import type { RawSchemaFile } from "../load/read.js";
import { emitEntities, modelFromFiles } from "../pipeline.js";

/**
 * A second thread's share of a generate run: it rebuilds the (already validated) model from the
 * same sources and runs every emitter's entity step for the entities it is given.
 */
const { files, names } = workerData as { files: RawSchemaFile[]; names: string[] };
try {
  const outcomes = await emitEntities(modelFromFiles(files), (await import("../emit/index.js")).emitters, names);
  parentPort?.postMessage({ ok: true, outcomes: [...outcomes] });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
}
