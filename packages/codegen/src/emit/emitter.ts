import { InternalError, type Problem } from "../errors.js";
import { joinPointer } from "../load/pointer.js";
import { keywordSpec, type KeywordName } from "../model/keywords/index.js";
import type { Entity, Json, Model, NodeKind, TypeNode } from "../model/types.js";
import { viewNodes } from "../model/walk.js";

/** Generated files, project-relative `/`-separated path → contents (LF, trailing newline). */
export type Outputs = ReadonlyMap<string, string>;

/** What one entity contributes to a target: its own files, and a part for the aggregate files. */
export interface EntityResult {
  readonly files: Outputs;
  /** JSON data the aggregate step reads (cached with the files), e.g. converted schemas. */
  readonly part?: Json;
}

/** One entity's results for every emitter that ran for it, by emitter name (as the cache stores them). */
export type EntityResults = Record<string, { readonly files: readonly (readonly [string, string])[]; readonly part?: Json }>;

/** What running every emitter's entity step for one entity gave: its results, or the problems that stopped them. */
export interface EntityOutcome {
  readonly results: EntityResults;
  readonly problems: readonly Problem[];
}

/** Which thread a runner that splits work may run an emitter's entity steps on. */
export type EmitterThread = "main" | "worker";

/**
 * One target, in two pure steps so runs can be incremental: `entity` depends only on one entity
 * and the definitions it references (its result is cached under a hash of exactly those inputs),
 * `aggregate` builds the files that span entities (indexes, registries, documents) from the model
 * and every entity's part, and must stay cheap. Neither touches the disk. Everything else the
 * codegen must know about a target is declared here too, so a new target is one folder and one
 * line in the registry (`emit/index.ts`).
 */
export interface Emitter<Context = unknown> {
  readonly name: string;
  /**
   * Project-relative directories this emitter owns. Every file under them is generated: one the
   * emitter no longer produces is stale and gets removed.
   */
  readonly outputRoots: readonly string[];
  /** Packages whose code shapes this emitter's output: their versions are part of the cache key. */
  readonly libraries: readonly string[];
  /** Names an entity or definition may not take (name → why), e.g. what the output package exports itself. */
  readonly reservedNames: ReadonlyMap<string, string>;
  /**
   * Where a runner that splits a run across threads puts the entity steps. Split by emitter, not
   * by entity: most of a run's cost is loading libraries (and warming up their code), and a
   * thread that runs an emitter pays its loading.
   */
  readonly thread: EmitterThread;
  /**
   * The targets of contracts.config.json this emitter writes, each with what it does with every
   * keyword and node kind: generation refuses, with a located problem, a schema using one a
   * target that is on does not honour (`unsupportedIn`), so no artifact silently drops a
   * constraint another one checks. Most emitters write one target, named as the emitter; the
   * openapi emitter writes two documents, each with its own table, so what only 3.0 cannot say
   * stops no project that turns the 3.0 document off.
   */
  readonly targets: readonly Target[];
  /** Project-wide rules this target needs (throws `SchemaProblems`); runs on every generate. */
  check?(model: Model): void;
  /**
   * Loads the libraries `entity` needs, ahead of time: a worker thread calls it while the main
   * thread is still validating, so the two overlap. `entity` must work without it.
   */
  prepare?(): Promise<void>;
  /** State derived from the model that every entity step of one run shares (built once per run, by the runner). */
  context?(model: Model): Context;
  entity(entity: Entity, model: Model, context: Context): Promise<EntityResult>;
  aggregate(model: Model, parts: ReadonlyMap<string, Json | undefined>): Promise<Outputs>;
}

/**
 * A target derived from the other targets' files once they are all emitted (the API manifest):
 * it reads outputs, not the model, so it has no entity step and nothing to cache. Pure.
 */
export interface DerivedTarget {
  readonly name: string;
  /** As `Emitter.outputRoots`: every file under them is generated. */
  readonly outputRoots: readonly string[];
  derive(outputs: Outputs): Outputs;
}

/**
 * Declares a target: a typed identity, so each emitter's `context` type flows into its steps (an
 * `Emitter<C>` is an `Emitter`: its steps are methods, whose parameters TypeScript compares both ways).
 */
export function defineEmitter<Context = undefined>(emitter: Emitter<Context>): Emitter<Context> {
  return emitter;
}

export function mergeInto(target: Map<string, string>, source: Outputs, by: string): void {
  for (const [file, contents] of source) {
    if (target.has(file)) throw new InternalError(`${file} is emitted twice (second time by ${by})`);
    target.set(file, contents);
  }
}

/**
 * A user error an emitter found in `entity`'s schema, at the real line:column of `pointer` (1:1
 * only for hand-built models without `locate`, as in some tests).
 */
export function problemAt(entity: Pick<Entity, "file" | "locate">, pointer: string, message: string, hint: string): Problem {
  const { line, column } = entity.locate?.(pointer) ?? { line: 1, column: 1 };
  return { file: entity.file, pointer, line, column, message, hint };
}

/** A target as contracts.config.json names it (`"openapi30"`), and its support table. */
export interface Target {
  readonly name: string;
  readonly support: Support;
}

/**
 * A target's support table: `true` where it honours the keyword (or node kind of the model's
 * view), `false` where it does not yet. Keyed by every `KeywordName` and every `NodeKind`: a new
 * keyword in the registry or a new kind in the model does not compile until each target's
 * table (`emit/<target>/support.ts`) says what it does with it.
 */
export interface Support {
  readonly keywords: { readonly [K in KeywordName]: boolean };
  readonly kinds: { readonly [K in NodeKind]: boolean };
  readonly constructs: { readonly [C in Construct]: boolean };
}

/**
 * Shapes no single keyword or kind names, which a target may not handle yet: a `$defs` entry
 * that is a boolean schema (`"Any": true`), an entity whose root is not an object schema, and a
 * `$ref` to a subschema that is neither a root nor a `$defs` entry (`#/properties/a`, an `$id` or
 * `$anchor` inside `allOf`), which has no name for a target that declares named types.
 */
export type Construct = "boolean-definition" | "non-object-root" | "ref-to-subschema";

/** Whether a `$ref` target is a named schema: a file's root or one of its `$defs` entries. */
export function isNamedTarget(pointer: string): boolean {
  return pointer === "" || /^\/\$defs\/[^/]+$/.test(pointer);
}

/**
 * The located problem of a construct `targets` cannot honour yet (never an `InternalError`: the
 * input is valid JSON Schema). `construct` names it as the user wrote it (`"prefixItems"`).
 */
export function unsupported(
  entity: Pick<Entity, "file" | "locate">,
  pointer: string,
  construct: string,
  targets: string | readonly string[],
  hint?: string,
): Problem {
  const names = typeof targets === "string" ? [targets] : targets;
  const list = names.length === 1 ? `the ${names[0]} target` : `the ${names.slice(0, -1).join(", ")} and ${names.at(-1)} targets`;
  return problemAt(
    entity,
    pointer,
    `${construct} is valid JSON Schema, but ${list} cannot express it yet`,
    hint ??
      `rewrite it with constructs ${names.length === 1 ? "that target supports" : "those targets support"} (README, "Supported vocabulary"), or turn ${names.length === 1 ? "it" : "them"} off under "targets" in contracts.config.json`,
  );
}

/**
 * Every construct of `entity`'s file some target's table marks unsupported, located, one problem
 * per construct naming every target that cannot express it: each keyword of each subschema (the
 * lossless nodes, `$defs` at any depth included), then each node kind the view reaches from the
 * root and the definitions.
 */
export function unsupportedIn(entity: Entity, targets: readonly Target[]): Problem[] {
  const found = new Map<string, { pointer: string; construct: string; targets: string[] }>();
  const note = (pointer: string, construct: string, target: string) => {
    const key = `${pointer}\u0000${construct}`;
    const entry = found.get(key) ?? { pointer, construct, targets: [] };
    if (!entry.targets.includes(target)) entry.targets.push(target);
    found.set(key, entry);
  };
  for (const node of entity.nodes.values()) {
    for (const name of Object.keys(node.keywords) as KeywordName[]) {
      for (const target of targets) if (!target.support.keywords[name]) note(joinPointer(node.pointer, name), `"${name}"`, target.name);
    }
  }
  for (const definition of entity.definitions) {
    if (typeof definition.node.schema !== "boolean") continue;
    for (const target of targets) {
      if (!target.support.constructs["boolean-definition"])
        note(definition.pointer, `the boolean schema \`${definition.node.schema}\` as a definition`, target.name);
    }
  }
  for (const target of targets) {
    // An intersection, `not` or `if` at the root is reported as that kind.
    const plain = ["object", "intersection", "not", "conditional"].includes(entity.root.kind);
    if (!plain && !target.support.constructs["non-object-root"]) note("", `an entity whose root is a ${entity.root.kind} schema, not an object`, target.name);
  }
  for (const view of viewNodes(entity)) {
    if (view.kind === "ref" && !isNamedTarget(view.target.pointer)) {
      const at = view.target.file === entity.file ? view.target.pointer : `${view.target.file}#${view.target.pointer}`;
      for (const target of targets) {
        if (!target.support.constructs["ref-to-subschema"])
          note(joinPointer(view.pointer, "$ref"), `a $ref to ${at} (a subschema, neither a schema root nor a "$defs" entry)`, target.name);
      }
    }
    const keyword = spelledBy(view);
    for (const target of targets) {
      // A kind one keyword spells (`not`) is reported once, as that keyword, when that is refused too.
      if (target.support.kinds[view.kind] || (keyword !== undefined && !target.support.keywords[keyword])) continue;
      note(view.pointer, describeKind(view, entity), target.name);
    }
  }
  return [...found.values()].map((f) => unsupported(entity, f.pointer, f.construct, f.targets));
}

/** The keyword that alone spells a node of the view, if one does. */
function spelledBy(view: TypeNode): KeywordName | undefined {
  if (view.kind === "not") return "not";
  if (view.kind === "conditional") return "if";
  return view.kind === "intersection" && view.via === "allOf" ? "allOf" : undefined;
}

/** A node kind as the user wrote it. */
function describeKind(view: TypeNode, entity: Entity): string {
  switch (view.kind) {
    case "never":
      return "the schema `false` (no value is valid)";
    case "intersection": {
      if (view.via === "allOf") return '"allOf"';
      const keywords = Object.keys(entity.nodes.get(view.pointer)?.keywords ?? {}).filter((k) => keywordSpec(k)?.annotation === false);
      const quoted = keywords.map((k) => `"${k}"`);
      return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)} side by side in one schema (${quoted.length === 2 ? "both apply" : "all apply"})`;
    }
    case "not":
      return '"not"';
    case "conditional":
      return '"if"/"then"/"else"';
    case "union":
      return view.via === "implicit" ? 'type-specific keywords without a "type"' : `"${view.via}"`;
    default:
      return `a ${view.kind} schema`;
  }
}

/** The do-not-edit banner of generated source files. */
export function doNotEditHeader(files: readonly string[]): string {
  // A view's file is derived from its entity's: the files the header names are the written ones.
  const sources = [...new Set(files)];
  const from = sources.length === 1 ? sources[0] : `${sources.length === 0 ? "no schemas" : sources.join(", ")}`;
  return `// Generated by @contracts/codegen from ${from}. Do not edit: change the schema and run \`npm run generate\`.`;
}
