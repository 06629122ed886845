import { compareCodeUnits, InternalError, SchemaProblems, sortProblems, type Problem } from "../errors.js";
import { mergeInto, unsupportedIn, type DerivedTarget, type Emitter, type Outputs } from "../emit/emitter.js";
import { parseSchemaText, type ParseResult, type SourceFile } from "../load/parse.js";
import type { RawSchemaFile } from "../load/read.js";
import { buildModel } from "../model/build.js";
import type { Json, Model, PublishedPackage } from "../model/types.js";
import { validateSources } from "../validate/index.js";
import type { EntityRunner, RunInput } from "./runner.js";

export interface GenerateOptions {
  readonly emitters: readonly Emitter[];
  readonly runner: EntityRunner;
  /** Parses one schema file (default `parseSchemaText`; a watch session passes one that remembers). */
  readonly parse?: (file: string, text: string) => ParseResult;
  /**
   * Work on the valid model that overlaps emitting (a project rule checked off this thread):
   * started once the model is built, awaited before `generate` returns; a `SchemaProblems` it
   * throws fails the run as any other problem.
   */
  readonly alongside?: (model: Model) => Promise<void>;
  /** Targets derived from the emitters' files once they are all emitted (`derivedTargets` with the default emitters). */
  readonly derived?: readonly DerivedTarget[];
  /** The packages the outputs go into, read by the caller (`load/packages.ts`): `model.packages`. */
  readonly packages?: Readonly<Record<string, PublishedPackage>>;
}

export interface Generated {
  readonly model: Model;
  /** Every generated file, sorted by path. */
  readonly outputs: Outputs;
  /** The directories the emitters own: a file under them that `outputs` lacks is stale. */
  readonly ownedRoots: readonly string[];
}

/**
 * load → validate → model: throws `SchemaProblems` with every problem of every file. Names the
 * emitters reserve (what their packages export themselves) may not be taken by the schemas.
 */
export function modelFromFiles(files: readonly RawSchemaFile[], options: { emitters?: readonly Emitter[]; parse?: GenerateOptions["parse"] } = {}): Model {
  const { parse = parseSchemaText } = options;
  const problems: Problem[] = [];
  const sources: SourceFile[] = [];
  for (const { file, text } of files) {
    const parsed = parse(file, text);
    if (parsed.ok) sources.push(parsed.source);
    else problems.push(...parsed.problems);
  }
  problems.push(...validateSources(sources, reservedNames(options.emitters ?? [])));
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  return buildModel(sources);
}

function reservedNames(emitters: readonly Emitter[]): ReadonlyMap<string, string> {
  const reserved = new Map<string, string>();
  for (const emitter of emitters) for (const [name, why] of emitter.reservedNames) if (!reserved.has(name)) reserved.set(name, why);
  return reserved;
}

/**
 * The whole pipeline from schema texts to generated files, with no file system, threads, cache or
 * timing inside: those are the `runner`'s (and the CLI's) business. Every emitter's `check` runs
 * first (an entity step relies on it), then every entity's steps, then the aggregates. Problems
 * from every emitter and entity are collected and thrown together; a path claimed twice is our bug.
 */
export async function generate(files: readonly RawSchemaFile[], options: GenerateOptions): Promise<Generated> {
  const { emitters, runner, derived = [] } = options;
  const built = modelFromFiles(files, options);
  const model: Model = options.packages ? Object.freeze({ ...built, packages: Object.freeze({ ...options.packages }) }) : built;
  const alongside = options.alongside?.(model);
  // Awaited below; emitting may throw first.
  alongside?.catch(() => undefined);
  // Valid JSON Schema a target cannot express yet stops the run here, located, before any
  // entity step could misread it (whatever the cache holds).
  const problems: Problem[] = model.entities.flatMap((entity) => unsupportedIn(entity, emitters));
  for (const emitter of emitters) {
    try {
      emitter.check?.(model);
    } catch (error) {
      if (!(error instanceof SchemaProblems)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  const run: RunInput = { files, model, emitters };
  const outcomes = await runner.entities(
    run,
    model.entities.map((e) => e.name),
  );
  const outputs = new Map<string, string>();
  const parts = new Map(emitters.map((e) => [e.name, new Map<string, Json | undefined>()]));
  for (const entity of model.entities) {
    const outcome = outcomes.get(entity.name);
    if (!outcome) throw new InternalError(`no results for entity ${entity.name}`);
    problems.push(...outcome.problems);
    if (outcome.problems.length > 0) continue;
    for (const emitter of emitters) {
      const result = outcome.results[emitter.name];
      if (!result) throw new InternalError(`no ${emitter.name} results for entity ${entity.name}`);
      mergeInto(outputs, new Map(result.files), emitter.name);
      parts.get(emitter.name)?.set(entity.name, result.part);
    }
  }
  // Two entities reaching one definition of a third file report its problem once.
  if (problems.length > 0) throw new SchemaProblems(sortProblems([...new Map(problems.map((p) => [JSON.stringify(p), p])).values()]));
  for (const emitter of emitters) mergeInto(outputs, await runner.aggregate(run, emitter, parts.get(emitter.name) ?? new Map()), emitter.name);
  for (const target of derived) mergeInto(outputs, target.derive(outputs), target.name);
  for (const [file, contents] of outputs) {
    if (!contents.endsWith("\n") || contents.includes("\r")) throw new InternalError(`${file}: output must use LF and end with a newline`);
  }
  await alongside;
  const sorted = new Map([...outputs].sort(([a], [b]) => compareCodeUnits(a, b)));
  return { model, outputs: sorted, ownedRoots: [...emitters, ...derived].flatMap((e) => e.outputRoots) };
}
