import { InternalError, SchemaProblems, type Problem } from "../errors.js";
import type { Emitter, EntityOutcome, EntityResults, Outputs } from "../emit/emitter.js";
import type { ProjectConfig } from "../load/config.js";
import type { RawSchemaFile } from "../load/read.js";
import type { Json, Model, PublishedPackage } from "../model/types.js";

/** One run's input, as every runner sees it: the sources (a worker rebuilds its model from them), their model, the emitters. */
export interface RunInput {
  readonly files: readonly RawSchemaFile[];
  readonly model: Model;
  readonly emitters: readonly Emitter[];
  /** The project's config: a worker rebuilding the model applies its rules as the main thread did. */
  readonly config: ProjectConfig;
}

/**
 * The built model with what the run adds: the packages the outputs go into and the targets the
 * config turns on or off. The worker thread builds its model with this too, so an emitter reads
 * the same model whichever thread runs it.
 */
export function forRun(built: Model, config: ProjectConfig, packages?: Readonly<Record<string, PublishedPackage>>): Model {
  return Object.freeze({ ...built, ...(packages ? { packages: Object.freeze({ ...packages }) } : {}), targets: config.targets });
}

/**
 * Runs the emitters' steps for `generate`. The core asks for every entity and every aggregate;
 * how they are computed (here, in another thread, from a cache) is the runner's business, so
 * speed is composed around the core (`run/`) rather than woven into it.
 */
export interface EntityRunner {
  /** Every emitter's entity step for each named entity. */
  entities(run: RunInput, names: readonly string[]): Promise<ReadonlyMap<string, EntityOutcome>>;
  /** `emitter`'s aggregate step, from every entity's part. */
  aggregate(run: RunInput, emitter: Emitter, parts: ReadonlyMap<string, Json | undefined>): Promise<Outputs>;
}

/**
 * The runner that computes everything in this thread, one entity after another. Each emitter's
 * `context` is built once per run (per model) and shared by its entity steps.
 */
export function inThreadRunner(): EntityRunner {
  let contexts: { model: Model; byEmitter: Map<Emitter, unknown> } | undefined;
  const contextOf = (model: Model, emitter: Emitter): unknown => {
    if (contexts?.model !== model) contexts = { model, byEmitter: new Map() };
    if (!contexts.byEmitter.has(emitter)) contexts.byEmitter.set(emitter, emitter.context?.(model));
    return contexts.byEmitter.get(emitter);
  };
  return {
    async entities({ model, emitters }, names) {
      const out = new Map<string, EntityOutcome>();
      const byName = new Map(model.entities.map((e) => [e.name, e]));
      for (const name of names) {
        const entity = byName.get(name);
        if (!entity) throw new InternalError(`no entity ${name}`);
        const results: EntityResults = {};
        const problems: Problem[] = [];
        for (const emitter of emitters) {
          try {
            const computed = await emitter.entity(entity, model, contextOf(model, emitter));
            results[emitter.name] = { files: [...computed.files], ...(computed.part === undefined ? {} : { part: computed.part }) };
          } catch (error) {
            if (!(error instanceof SchemaProblems)) throw error;
            problems.push(...error.problems);
          }
        }
        out.set(name, { results, problems });
      }
      return out;
    },
    aggregate({ model }, emitter, parts) {
      return emitter.aggregate(model, parts);
    },
  };
}
