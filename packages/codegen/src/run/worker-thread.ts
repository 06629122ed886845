import { parentPort } from "node:worker_threads";
import { forRun, inThreadRunner } from "../core/runner.js";
import { InternalError } from "../errors.js";
import { saveCodeCaches } from "../libraries/code-cache.js";
import { parseSchemaText } from "../load/parse.js";
import { withRuleDefaults } from "../validate/rules.js";
import { buildModel } from "../model/build.js";
import { deriveViews } from "../model/views.js";
import { phase } from "./timings.js";
import type { EmitRequest } from "./worker.js";

/**
 * The worker thread of a generate run: loads its emitters' libraries while the main thread loads,
 * reads and validates, then runs their entity steps (with the in-thread runner) for the entities
 * it is asked for. The model is built from the sources sent with the request without the
 * validation pass: the main thread validated them before asking.
 */
const ready = import("../emit/index.js").then(async ({ emitters: all }) => {
  const mine = all.filter((e) => e.thread === "worker");
  await Promise.all(mine.map((e) => e.prepare?.()));
  phase("worker: libraries loaded");
  return mine;
});
// Nobody may be listening yet: a failure is reported when (if) work is asked for.
ready.catch(() => undefined);

parentPort?.once("message", async (request: EmitRequest) => {
  const { files, entities, emitters, config, packages } = request;
  try {
    const mine = (await ready).filter((e) => emitters.includes(e.name));
    const sources = files.map(({ file, text }) => {
      const parsed = parseSchemaText(file, text);
      if (!parsed.ok) throw new InternalError(`${file} did not parse in the worker`);
      return parsed.source;
    });
    // As the main thread read them (its findings were reported there).
    const read = withRuleDefaults(sources, config.rules, { problems: [], warnings: [] });
    // The main thread derived the same views from the same sources (and refused clashing ones).
    const model = forRun(buildModel(read, deriveViews(read).views), config, packages);
    const outcomes = await inThreadRunner().entities({ files, model, emitters: mine, config }, entities);
    phase("worker: entities emitted");
    parentPort?.postMessage({ ok: true, outcomes: [...outcomes] });
    // After answering: the main thread has its own work left, and this is off its path.
    saveCodeCaches();
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
});
