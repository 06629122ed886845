import { InternalError, SchemaProblems, type Problem } from "../../../errors.js";
import { getAtPointer, joinPointer } from "../../../load/pointer.js";
import type { DefinitionRef, Entity, Json, Model } from "../../../model/types.js";
import { problemAt } from "../../emitter.js";
import { code, name, type Code } from "../code.js";
import { owner, refTargets } from "../refs.js";
import { walkerName } from "../names.js";
import { children, isSchemaObject, type SchemaObject } from "../schema.js";
import { anyOfKeyword, oneOfKeyword, refKeyword } from "./applicator.js";
import { arrayKeywords } from "./array.js";
import type { KeywordGroup, NodeContext } from "./context.js";
import { objectKeywords } from "./object.js";
import { knownFormats } from "../../../validate/rules.js";
import { constKeyword, enumKeyword, formatChecker, numberKeywords, stringKeywords, typeKeyword } from "./scalar.js";

/** In the order a person wants errors: the type first, then the parts, then unions. */
const GROUPS: readonly KeywordGroup[] = [
  refKeyword,
  typeKeyword,
  objectKeywords,
  arrayKeywords,
  enumKeyword,
  constKeyword,
  stringKeywords,
  numberKeywords,
  anyOfKeyword,
  oneOfKeyword,
];

/**
 * Every node of the entity's file that a walker is emitted for: what the root and each `$defs`
 * entry reach through subschemas and refs within this file, depth-first, each once. Every
 * definition gets a walker, reached or not, so other entities' modules can import it.
 */
function reachable(entity: Entity, targets: ReadonlyMap<string, DefinitionRef>): [string, Json][] {
  const seen = new Set<string>();
  const out: [string, Json][] = [];
  const pending: [string, Json][] = [
    ["", entity.schema],
    ...entity.definitions.map((d): [string, Json] => [d.pointer, getAtPointer(entity.schema, d.pointer) as Json]),
  ];
  // Iterative: a long chain of definitions must not exhaust the generator's stack.
  while (pending.length > 0) {
    const [pointer, node] = pending.pop() as [string, Json];
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    out.push([pointer, node]);
    if (!isSchemaObject(node)) continue;
    const next: [string, Json][] = [];
    const target = targets.get(pointer);
    if (target !== undefined && target.file === entity.file) next.push([target.pointer, getAtPointer(entity.schema, target.pointer) as Json]);
    next.push(...children(node, pointer));
    for (let i = next.length - 1; i >= 0; i--) pending.push(next[i] as [string, Json]);
  }
  return out;
}

/** Constructs the validators cannot honour, all of them, so the user sees every one at once. */
export function unsupported(entity: Entity, nodes: readonly [string, Json][]): Problem[] {
  const problems: Problem[] = [];
  for (const [pointer, node] of nodes) {
    if (!isSchemaObject(node)) continue;
    const values = [...(Array.isArray(node["enum"]) ? node["enum"] : []), ...("const" in node ? [node["const"]] : [])];
    if (values.some((v) => typeof v === "object" && v !== null)) {
      problems.push(
        problemAt(
          entity,
          pointer,
          "enum/const with object or array values is not supported by the validators emitter",
          "use primitive values (string, number, boolean, null)",
        ),
      );
    }
    const format = node["format"];
    // One ajv-formats does not know is an annotation ("unknown-formats" relaxed): nothing to check.
    if (typeof format === "string" && formatChecker(format) === undefined && knownFormats().has(format)) {
      problems.push(
        problemAt(
          entity,
          joinPointer(pointer, "format"),
          `format "${format}" has no checker in @contracts/validators`,
          "use date-time, date, time, uri, email or uuid, or add an Ajv-exact checker to packages/validators/src/runtime/formats.ts",
        ),
      );
    }
  }
  return problems;
}

/** The name under which a module exports the walker of its root or of a `$defs` entry. */
export function exportedWalker(definition: string): Code {
  // `$` never occurs in pointer-derived walker names' prefix (`errors_`, `errorsRoot`).
  return name(`errors$${definition}`);
}

export interface Walkers {
  readonly functions: readonly Code[];
  /** Walkers of other entities' files this module calls: slug → exported names. */
  readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
  /** `local walker → exported name` for the root and every definition. */
  readonly exports: readonly [Code, Code][];
}

function walkerFunction(pointer: string, node: Json, ctx: NodeContext): Code {
  let body: readonly Code[];
  if (node === true) body = [];
  else if (node === false || !isSchemaObject(node)) body = [code`rt.fail(out, path, "false", "is not allowed", v);`];
  else body = GROUPS.flatMap((group) => group(node as SchemaObject, ctx));
  return code`function ${walkerName(pointer)}(v: any, path: rt.Segment[], out: rt.Issue[]): void {${body.map((b) => code`\n  ${b}`)}\n}`;
}

/**
 * The error walkers of an entity: one function per node of its file, named from its pointer,
 * `errorsRoot` first. A `$ref` into another file calls the walker that file's module exports
 * (`errors$Point`), so a shared definition is walked by code declared once. They run only once
 * the compiled check has rejected a value.
 */
export function emitWalkers(entity: Entity, model: Model): Walkers {
  const targets = refTargets(entity);
  const nodes = reachable(entity, targets);
  const problems = unsupported(entity, nodes);
  if (problems.length > 0) throw new SchemaProblems(problems);
  const imports = new Map<string, Set<string>>();
  const walkerOf = (target: DefinitionRef): Code => {
    if (target.file === entity.file) return walkerName(target.pointer);
    const slug = owner(model, target.file).slug;
    imports.set(slug, (imports.get(slug) ?? new Set()).add(target.name));
    return exportedWalker(target.name);
  };
  const functions = nodes.map(([pointer, node]) =>
    walkerFunction(pointer, node, {
      pointer,
      file: entity.file,
      refTarget: () => {
        const target = targets.get(pointer);
        if (target === undefined) throw new InternalError(`${entity.file}#${pointer}: $ref missing from the model`);
        return walkerOf(target);
      },
    }),
  );
  const exports: [Code, Code][] = [
    [walkerName(""), exportedWalker(entity.name)],
    ...entity.definitions.map((d): [Code, Code] => [walkerName(d.pointer), exportedWalker(d.name)]),
  ];
  return { functions, imports, exports };
}
