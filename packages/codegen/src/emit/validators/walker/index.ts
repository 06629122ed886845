import { SchemaProblems, type Problem } from "../../../errors.js";
import { getAtPointer, joinPointer } from "../../../load/pointer.js";
import type { Entity, Json, Model } from "../../../model/types.js";
import { problemAt } from "../../emitter.js";
import { code, join, name, type Code } from "../code.js";
import { KEYWORDS, subschemas } from "../keywords/index.js";
import type { Applies, KeywordContext } from "../keywords/keyword.js";
import { constantName, walkerName } from "../names.js";
import { definitionName, owner, type Location, type RefIndex } from "../resolve.js";
import { isEmptySchema, isSchemaObject, types, type SchemaObject } from "../schema.js";

/** Positions whose `{}` the keyword never walks (it accepts any value there unread). */
const UNREAD_WHEN_EMPTY: ReadonlySet<string> = new Set(["additionalProperties", "items", "propertyNames", "unevaluatedProperties", "unevaluatedItems"]);
/** Positions whose boolean schema the keyword checks inline. */
const INLINE_BOOLEAN: ReadonlySet<string> = new Set(["additionalProperties", "items", "unevaluatedProperties", "unevaluatedItems"]);

/** The guard of each instance type, as the check tests it. */
const GUARDS: Readonly<Record<Applies, [string, Code]>> = {
  object: ["object", code`typeof v === "object" && v !== null && !Array.isArray(v)`],
  array: ["array", code`Array.isArray(v)`],
  string: ["string", code`typeof v === "string"`],
  number: ["number", code`typeof v === "number"`],
};

/**
 * Every node of the entity's file that a walker is emitted for: what the root and each `$defs`
 * entry reach through subschemas and refs within this file, depth-first, each once. Every
 * definition gets a walker, reached or not, so other entities' modules can import it.
 */
function reachable(entity: Entity, refs: RefIndex): [string, Json][] {
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
    const target = refs.resolve(entity.file, pointer);
    if (target?.ok === true && target.target.file === entity.file)
      next.push([target.target.pointer, getAtPointer(entity.schema, target.target.pointer) as Json]);
    for (const [child, value] of subschemas(node, pointer, "applied")) {
      const position = child.slice(pointer.length + 1).split("/")[0] as string;
      if (!(UNREAD_WHEN_EMPTY.has(position) && isEmptySchema(value)) && !(INLINE_BOOLEAN.has(position) && typeof value === "boolean"))
        next.push([child, value]);
    }
    for (let i = next.length - 1; i >= 0; i--) pending.push(next[i] as [string, Json]);
  }
  return out;
}

/** Constructs the validators cannot honour yet, all of them, so the user sees every one at once. */
function unsupported(entity: Entity, nodes: readonly [string, Json][], refs: RefIndex, model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const [pointer, node] of nodes) {
    if (!isSchemaObject(node)) continue;
    if ("$dynamicRef" in node)
      problems.push(
        problemAt(
          entity,
          joinPointer(pointer, "$dynamicRef"),
          "$dynamicRef is not supported by the validators emitter",
          'use "$ref" to the definition it should resolve to',
        ),
      );
    const resolved = refs.resolve(entity.file, pointer);
    if (resolved?.ok === false) problems.push(problemAt(entity, joinPointer(pointer, "$ref"), resolved.reason, "point the $ref at a schema of this project"));
    else if (resolved?.ok === true && resolved.target.file !== entity.file && definitionName(model, resolved.target) === undefined)
      problems.push(
        problemAt(
          entity,
          joinPointer(pointer, "$ref"),
          `$ref into ${resolved.target.file} at ${resolved.target.pointer} is not supported by the validators emitter: a reference to another file must name its root or a "$defs" entry`,
          'move the target into a "$defs" entry of that file and point the $ref at it',
        ),
      );
  }
  return problems;
}

/** The name under which a module exports the walker of its root or of a `$defs` entry. */
export function exportedWalker(definition: string): Code {
  // `$` never occurs in pointer-derived walker names' prefix (`errors_`, `errorsRoot`).
  return name(`errors$${definition}`);
}

export interface Walkers {
  /** Module-level constants (patterns, tag maps) and the walker functions, in that order. */
  readonly functions: readonly Code[];
  /** Walkers of other entities' files this module calls: slug → exported names. */
  readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
  /** `local walker → exported name` for the root and every definition. */
  readonly exports: readonly [Code, Code][];
}

/** `if (<test>) { body }`, or just the body when the node's only type already guarantees the test. */
function guarded(node: SchemaObject, applies: Applies, body: readonly Code[]): Code {
  const [typeName, test] = GUARDS[applies];
  const only = types(node);
  const lines = body.map((b) => code`\n    ${b}`);
  return only.length === 1 && only[0] === typeName ? join(body, "\n  ") : code`if (${test}) {${lines}\n  }`;
}

/** The statements of one node's walker: each keyword's, consecutive ones of one instance type under one guard. */
function statements(node: SchemaObject, ctx: KeywordContext): Code[] {
  const out: Code[] = [];
  let run: { applies: Applies; body: Code[] } | undefined;
  const flush = (): void => {
    if (run !== undefined && run.body.length > 0) out.push(guarded(node, run.applies, run.body));
    run = undefined;
  };
  for (const keyword of KEYWORDS) {
    if (!(keyword.keyword in node)) continue;
    const value = node[keyword.keyword] as Json;
    const applies = typeof keyword.applies === "function" ? keyword.applies(value) : keyword.applies;
    const body = keyword.walk(value, ctx);
    if (applies === undefined) {
      flush();
      out.push(...body);
      continue;
    }
    if (run?.applies !== applies) {
      flush();
      run = { applies, body: [] };
    }
    run.body.push(...body);
  }
  flush();
  return out;
}

/**
 * The error walkers of an entity: one function per node of its file, named from its pointer,
 * `errorsRoot` first. A `$ref` into another file calls the walker that file's module exports
 * (`errors$Point`), so a shared definition is walked by code declared once. They run only once
 * the compiled check has rejected a value. When some schema of the project uses
 * `unevaluatedProperties`/`unevaluatedItems`, every walker keeps the evaluation record they read.
 */
export function emitWalkers(entity: Entity, model: Model, refs: RefIndex, tracking: boolean): Walkers {
  const nodes = reachable(entity, refs);
  const problems = unsupported(entity, nodes, refs, model);
  if (problems.length > 0) throw new SchemaProblems(problems);
  const imports = new Map<string, Set<string>>();
  const constants = new Map<string, Code>();
  const walkerOf = (target: Location): Code => {
    if (target.file === entity.file) return walkerName(target.pointer);
    const slug = owner(model, target.file).slug;
    const exported = definitionName(model, target) as string;
    imports.set(slug, (imports.get(slug) ?? new Set()).add(exported));
    return exportedWalker(exported);
  };
  const functions = nodes.map(([pointer, node]) => {
    const own = isSchemaObject(node) && tracking && ("unevaluatedProperties" in node || "unevaluatedItems" in node);
    const ctx: KeywordContext = {
      pointer,
      node: isSchemaObject(node) ? node : {},
      walker: (...tokens) => walkerName(joinPointer(pointer, ...tokens)),
      refTarget: () => {
        const resolved = refs.resolve(entity.file, pointer);
        return walkerOf((resolved as { target: Location }).target);
      },
      resolved: (...tokens) => {
        const at = joinPointer(pointer, ...tokens);
        const child = getAtPointer(entity.schema, at) as Json | undefined;
        const target = refs.resolve(entity.file, at);
        return target?.ok === true && target.target.file === entity.file ? (getAtPointer(entity.schema, target.target.pointer) as Json) : child;
      },
      ev: tracking ? (own ? code`own` : code`ev`) : undefined,
      constant: (constant, value) => {
        constants.set(constant.text, code`const ${constant} = ${value};`);
      },
      regexp: (pattern, at) => {
        const constant = constantName("re", at);
        constants.set(constant.text, code`const ${constant} = new RegExp(${pattern}, "u");`);
        return constant;
      },
    };
    let body: Code[];
    if (node === true) body = [];
    else if (node === false || !isSchemaObject(node)) body = [code`rt.fail(out, path, "false schema", "is not allowed", v);`];
    else {
      body = statements(node, ctx);
      if (own) body = [code`const own = rt.evaluated();`, ...body, code`rt.mergeEvaluated(ev, own);`];
    }
    const params = tracking ? code`v: any, path: rt.Segment[], out: rt.Issue[], ev?: rt.Evaluated` : code`v: any, path: rt.Segment[], out: rt.Issue[]`;
    return code`function ${walkerName(pointer)}(${params}): void {${body.map((b) => code`\n  ${b}`)}\n}`;
  });
  const exports: [Code, Code][] = [
    [walkerName(""), exportedWalker(entity.name)],
    ...entity.definitions.map((d): [Code, Code] => [walkerName(d.pointer), exportedWalker(d.name)]),
  ];
  return { functions: [...constants.values(), ...functions], imports, exports };
}
