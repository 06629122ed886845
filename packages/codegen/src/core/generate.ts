import { compareCodeUnits, InternalError, SchemaProblems, sortProblems, type Problem } from "../errors.js";
import { mergeInto, unsupportedIn, type DerivedTarget, type Emitter, type Outputs, type Target } from "../emit/emitter.js";
import { CONFIG_FILE, DEFAULT_CONFIG, type ProjectConfig } from "../load/config.js";
import { parseSchemaText, type ParseResult, type SourceFile } from "../load/parse.js";
import type { RawSchemaFile } from "../load/read.js";
import { buildModel } from "../model/build.js";
import { deriveViews, sourcePointer } from "../model/views.js";
import type { Json, Model, PublishedPackage } from "../model/types.js";
import { validateSources } from "../validate/index.js";
import { withRuleDefaults, type Findings } from "../validate/rules.js";
import { forRun, type EntityRunner, type RunInput } from "./runner.js";

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
  /** The project's `contracts.config.json` (`load/config.ts`; default `DEFAULT_CONFIG`): rule levels and targets. */
  readonly config?: ProjectConfig;
}

export interface Generated {
  readonly model: Model;
  /** Every generated file, sorted by path. */
  readonly outputs: Outputs;
  /** The directories the emitters own: a file under them that `outputs` lacks is stale. */
  readonly ownedRoots: readonly string[];
  /** Findings of rules the config sets to "warn", sorted: the caller prints them. */
  readonly warnings: readonly Problem[];
}

type ModelOptions = { emitters?: readonly Emitter[]; parse?: GenerateOptions["parse"]; rules?: ProjectConfig["rules"] };

/**
 * load → validate → model: throws `SchemaProblems` with every problem of every file. Names the
 * emitters reserve (what their packages export themselves) may not be taken by the schemas.
 */
export function modelFromFiles(files: readonly RawSchemaFile[], options: ModelOptions = {}): Model {
  return checkedModel(files, options).model;
}

/** `modelFromFiles`, with the findings of rules `options.rules` sets to "warn". */
export function checkedModel(files: readonly RawSchemaFile[], options: ModelOptions = {}): { model: Model; warnings: Problem[] } {
  const { parse = parseSchemaText, rules = DEFAULT_CONFIG.rules } = options;
  const problems: Problem[] = [];
  const sources: SourceFile[] = [];
  for (const { file, text } of files) {
    const parsed = parse(file, text);
    if (parsed.ok) sources.push(parsed.source);
    else problems.push(...parsed.problems);
  }
  const ids: Findings = { problems, warnings: [] };
  const read = withRuleDefaults(sources, rules, ids);
  const findings = validateSources(read, reservedNames(options.emitters ?? []), rules);
  problems.push(...findings.problems);
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  const { views, problems: clashes } = deriveViews(read);
  if (clashes.length > 0) throw new SchemaProblems(sortProblems(clashes));
  return { model: buildModel(read, views), warnings: sortProblems([...ids.warnings, ...findings.warnings]) };
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
  const { runner, derived = [], config = DEFAULT_CONFIG } = options;
  const { model: built, warnings } = checkedModel(files, { ...options, rules: config.rules });
  const model = forRun(built, config, options.packages);
  // A target the config turns off is not run; its roots stay owned, so its old outputs are removed.
  const targetOn = (target: Target) => (config.targets as Readonly<Record<string, boolean>>)[target.name] ?? true;
  const targetsOn = (emitter: Emitter) => emitter.targets.filter(targetOn);
  const emitters = options.emitters.filter((e) => targetsOn(e).length > 0);
  const off = options.emitters.filter((e) => !emitters.includes(e));
  const alongside = options.alongside?.(model);
  // Awaited below; emitting may throw first.
  alongside?.catch(() => undefined);
  // Valid JSON Schema a target cannot express yet stops the run here, located, before any
  // entity step could misread it (whatever the cache holds).
  const problems: Problem[] = model.entities.flatMap((entity) => unsupportedIn(entity, emitters.flatMap(targetsOn)));
  for (const emitter of emitters) {
    // A target's own rules assume the constructs it supports (the fixtures' Ajv oracle
    // overflows its stack on a `$dynamicRef` with no anchor): they run where it supports all.
    if (problems.length > 0 && model.entities.some((entity) => unsupportedIn(entity, targetsOn(emitter)).length > 0)) continue;
    try {
      emitter.check?.(model);
    } catch (error) {
      if (!(error instanceof SchemaProblems)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new SchemaProblems(sortProblems(inSources(problems, model)));
  const run: RunInput = { files, model, emitters, config };
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
  if (problems.length > 0) throw new SchemaProblems(sortProblems([...new Map(inSources(problems, model).map((p) => [JSON.stringify(p), p])).values()]));
  for (const emitter of emitters) mergeInto(outputs, await runner.aggregate(run, emitter, parts.get(emitter.name) ?? new Map()), emitter.name);
  for (const emitter of off) mergeInto(outputs, await offModules(emitter, model), emitter.name);
  for (const target of derived) mergeInto(outputs, target.derive(outputs), target.name);
  for (const [file, contents] of outputs) {
    if (!contents.endsWith("\n") || contents.includes("\r")) throw new InternalError(`${file}: output must use LF and end with a newline`);
  }
  await alongside;
  const sorted = new Map([...outputs].sort(([a], [b]) => compareCodeUnits(a, b)));
  return { model, outputs: sorted, ownedRoots: [...options.emitters, ...derived].flatMap((e) => e.outputRoots), warnings };
}

/**
 * Problems located in a view (`XInput`, `XPatch`: derived, never written) as the user can act on
 * them: at the schema file the view comes from, saying which view; none while that file has
 * problems of its own (the view copies the file: its problems are those, seen again).
 */
function inSources(problems: readonly Problem[], model: Model): Problem[] {
  const own = new Set(problems.filter((p) => model.byFile.get(p.file)?.view === undefined).map((p) => p.file));
  return problems.flatMap((problem) => {
    const view = model.byFile.get(problem.file)?.view;
    if (view === undefined) return [problem];
    // The view copies its entity: with the entity's own problems fixed, the view's go or show.
    if (own.has(view.source)) return [];
    const entity = model.byFile.get(view.source);
    const name = model.byFile.get(problem.file)?.name ?? "";
    const pointer = entity === undefined ? problem.pointer : sourcePointer(problem.pointer, entity.schema);
    return [
      {
        ...problem,
        file: view.source,
        pointer,
        ...entity?.locate?.(pointer),
        message: `in its ${view.kind === "input" ? "write" : "patch"} view ${name} (derived from its readOnly/writeOnly properties): ${problem.message}`,
      },
    ];
  });
}

/**
 * What an emitter whose target is off leaves in its package: only the modules the package's own
 * code imports, as its aggregate writes them for a project with no entity (empty registries and
 * documents), each headed by why it is empty. So the package still builds and says so; no data
 * file (JSON, YAML, Markdown) is written.
 */
async function offModules(emitter: Emitter, model: Model): Promise<Outputs> {
  const empty: Model = Object.freeze({ ...model, entities: [], byFile: new Map() });
  const targets = emitter.targets.map((t) => t.name);
  const named = targets.map((t) => `"${t}"`).join(" and ");
  const header = `// The ${named} target${targets.length > 1 ? "s are" : " is"} off in ${CONFIG_FILE}: @contracts/codegen generates nothing for ${targets.length > 1 ? "them" : "it"}, and this module, which exports no entity, only keeps the package building. Set "targets": { ${targets.map((t) => `"${t}": true`).join(", ")} } and run \`npm run generate\` to generate it.`;
  const out = new Map<string, string>();
  for (const [file, contents] of await emitter.aggregate(empty, new Map())) {
    if (!file.endsWith(".ts")) continue;
    out.set(file, contents.startsWith("// Generated by @contracts/codegen") ? `${header}${contents.slice(contents.indexOf("\n"))}` : `${header}\n${contents}`);
  }
  return out;
}
