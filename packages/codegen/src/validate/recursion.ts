import { compareCodeUnits, type Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { definitionName } from "../schema/names.js";
import { isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";

/**
 * A named schema (a root or a `$defs` entry) may refer to itself only through an object's
 * property. `{"$ref": "#/$defs/A"}` as A's whole schema is no type at all, and a cycle through
 * array items or union branches alone (`List = List[]`) is one TypeScript cannot declare where the
 * OpenAPI types spell a reference as `components["schemas"]["List"]` ("referenced directly or
 * indirectly in its own type annotation"), while `{ next?: List }` is fine. Refused here, at the
 * `$ref` that closes the cycle, rather than as a build failure after generate.
 */
export function checkRecursion(sources: readonly SourceFile[], index: SchemaIndex): Problem[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  type Edge = { readonly to: string; readonly at: string; readonly ref: string };
  const edges = new Map<string, Edge[]>();
  const names = new Map<string, string>();
  for (const source of sources) {
    const root = source.value;
    if (!isObject(root)) continue;
    const named: [string, Json][] = [["", root]];
    if (isObject(root["$defs"])) for (const [key, schema] of Object.entries(root["$defs"])) named.push([joinPointer("", "$defs", key), schema]);
    for (const [pointer, schema] of named) {
      const id = `${source.file}#${pointer}`;
      names.set(id, pointer === "" ? String(root["title"]) : definitionName(schema, pointer.slice("/$defs/".length).replace(/~1/g, "/").replace(/~0/g, "~")));
      const out: Edge[] = [];
      unguardedRefs(schema, pointer, pointer === "", (ref, at) => {
        const resolved = resolveRef(source.file, ref, index, at.slice(0, -"/$ref".length));
        if (resolved.ok) out.push({ to: `${resolved.target.file}#${resolved.target.pointer}`, at, ref });
      });
      edges.set(id, out);
    }
  }
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: { id: string; edge?: Edge }[] = [];
  const visit = (id: string): void => {
    state.set(id, "open");
    for (const edge of edges.get(id) ?? []) {
      stack.push({ id, edge });
      if (state.get(edge.to) === "open") {
        const start = stack.findIndex((frame) => frame.id === edge.to);
        const cycle = stack.slice(start);
        const members = cycle.map((frame) => frame.id);
        const key = [...members].sort(compareCodeUnits).join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          // Reported at the ref leaving the cycle's first member in code-unit order: stable.
          const first = cycle.reduce((a, b) => (compareCodeUnits(a.id, b.id) <= 0 ? a : b));
          const file = first.id.slice(0, first.id.indexOf("#"));
          const source = byFile.get(file);
          const path = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first]
            .map((frame) => names.get(frame.id) ?? frame.id)
            .join(" → ");
          if (source && first.edge) {
            problems.push({
              file,
              pointer: first.edge.at,
              ...source.locate(first.edge.at),
              message: `$ref "${first.edge.ref}" makes ${names.get(first.id)} contain itself with no object property in between (${path}), a type TypeScript cannot declare`,
              hint: 'let the recursion pass through an object\'s property (e.g. {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": ...}}}}), or remove it',
            });
          }
        }
      } else if (state.get(edge.to) === undefined && edges.has(edge.to)) {
        visit(edge.to);
      }
      stack.pop();
    }
    state.set(id, "done");
  };
  for (const id of [...edges.keys()].sort(compareCodeUnits)) if (state.get(id) === undefined) visit(id);
  return problems;
}

/** Every `$ref` in `schema` not below an object's property (the positions that guard a cycle). */
function unguardedRefs(schema: Json, pointer: string, isRoot: boolean, found: (ref: string, at: string) => void): void {
  if (Array.isArray(schema)) {
    schema.forEach((item: Json, i: number) => unguardedRefs(item, joinPointer(pointer, i), false, found));
    return;
  }
  if (!isObject(schema)) return;
  if (typeof schema["$ref"] === "string") found(schema["$ref"], joinPointer(pointer, "$ref"));
  for (const [keyword, value] of Object.entries(schema)) {
    if (GUARDED_OR_DATA.has(keyword) || keyword.startsWith("x-") || (isRoot && keyword === "$defs")) continue;
    unguardedRefs(value, joinPointer(pointer, keyword), false, found);
  }
}

/** Object members (guard a cycle), and keywords whose values are data, not schemas. */
const GUARDED_OR_DATA: ReadonlySet<string> = new Set([
  "properties",
  "additionalProperties",
  "patternProperties",
  "$defs",
  "enum",
  "const",
  "default",
  "examples",
  "required",
]);
