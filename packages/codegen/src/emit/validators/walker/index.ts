import { SchemaProblems, type Problem } from "../../../errors.js";
import { getAtPointer, joinPointer } from "../../../load/pointer.js";
import type { Entity, Json } from "../../../model/types.js";
import { problemAt } from "../../emitter.js";
import { code, type Code } from "../code.js";
import { walkerName } from "../names.js";
import { children, isSchemaObject, type SchemaObject } from "../schema.js";
import { anyOfKeyword, oneOfKeyword, refKeyword } from "./applicator.js";
import { arrayKeywords } from "./array.js";
import type { KeywordGroup, NodeContext } from "./context.js";
import { objectKeywords } from "./object.js";
import { constKeyword, enumKeyword, formatChecker, jsonData, numberKeywords, stringKeywords, typeKeyword } from "./scalar.js";

/** In the order a person wants errors: the type first, then the parts, then unions. */
const GROUPS: readonly KeywordGroup[] = [refKeyword, typeKeyword, jsonData, objectKeywords, arrayKeywords, enumKeyword, constKeyword, stringKeywords, numberKeywords, anyOfKeyword, oneOfKeyword];


/** The pointer a `$ref` of this file leads to, or undefined for a reference to another file. */
function localTarget(ref: string): string | undefined {
  return ref.startsWith("#") ? decodeURIComponent(ref.slice(1)) : undefined;
}

/** Every node the root reaches (through subschemas and `$ref`), depth-first, each once. */
function reachable(root: Json): [string, Json][] {
  const seen = new Set<string>();
  const out: [string, Json][] = [];
  const visit = (pointer: string, node: Json): void => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    out.push([pointer, node]);
    if (!isSchemaObject(node)) return;
    const ref = node["$ref"];
    const target = typeof ref === "string" ? localTarget(ref) : undefined;
    if (target !== undefined) visit(target, getAtPointer(root, target) as Json);
    for (const [p, child] of children(node, pointer)) visit(p, child);
  };
  visit("", root);
  return out;
}

/** Constructs the validators cannot honour yet, all of them, so the user sees every one at once. */
export function unsupported(entity: Pick<Entity, "file" | "locate">, root: Json): Problem[] {
  const problem = (pointer: string, message: string, hint: string) => problemAt(entity, pointer, message, hint);
  const problems: Problem[] = [];
  for (const [pointer, node] of reachable(root)) {
    if (!isSchemaObject(node)) continue;
    const ref = node["$ref"];
    if (typeof ref === "string" && localTarget(ref) === undefined) {
      problems.push(problem(joinPointer(pointer, "$ref"), `$ref "${ref}" points into another file, which the validators emitter does not support yet`, "move the shared definition into this file's $defs, or teach emit/validators to bundle cross-file references"));
    }
    const values = [...(Array.isArray(node["enum"]) ? node["enum"] : []), ...("const" in node ? [node["const"]] : [])];
    if (values.some((v) => typeof v === "object" && v !== null)) {
      problems.push(problem(pointer, "enum/const with object or array values is not supported by the validators emitter", "use primitive values (string, number, boolean, null)"));
    }
    const format = node["format"];
    if (typeof format === "string" && formatChecker(format) === undefined) {
      problems.push(problem(joinPointer(pointer, "format"), `format "${format}" has no checker in @contracts/validators`, "use date-time, date, time, uri, email or uuid, or add an Ajv-exact checker to packages/validators/src/runtime/formats.ts"));
    }
  }
  return problems;
}

function walkerFunction(pointer: string, node: Json, ctx: NodeContext): Code {
  let body: readonly Code[];
  if (node === true) body = [code`rt.notJson(out, path, v);`];
  else if (node === false || !isSchemaObject(node)) body = [code`rt.fail(out, path, "false", "is not allowed", v);`];
  else body = GROUPS.flatMap((group) => group(node as SchemaObject, ctx));
  return code`function ${walkerName(pointer)}(v: any, path: readonly rt.Segment[], out: rt.Issue[]): void {${body.map((b) => code`\n  ${b}`)}\n}`;
}

/**
 * The error walkers of an entity: one function per reachable schema node, named from its pointer,
 * `errorsRoot` first. They run only once the compiled check has rejected a value.
 */
export function emitWalkers(entity: Pick<Entity, "file" | "locate" | "schema">): Code[] {
  const { file, schema: root } = entity;
  const problems = unsupported(entity, root);
  if (problems.length > 0) throw new SchemaProblems(problems);
  return reachable(root).map(([pointer, node]) =>
    walkerFunction(pointer, node, { pointer, file, refTarget: (ref) => walkerName(localTarget(ref) ?? "") }),
  );
}
