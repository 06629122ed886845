import type { Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { escapeToken, getAtPointer, joinPointer, splitPointer } from "../load/pointer.js";
import { definitionName } from "../schema/names.js";
import type { Json } from "./json.js";
import { indexSchemas, isObject, resolveRef } from "./refs.js";
import { mapSubschemas, subschemas } from "./subschemas.js";
import type { Entity, SchemaIndex, ViewOf } from "./types.js";

/**
 * Read and write views (OpenAPI's readOnly/writeOnly): for each schema file with a `readOnly` or
 * `writeOnly` subschema reachable from its root or one of its `$defs` (through `$ref`s, across
 * files), two more schemas are derived here, before the model is built, so every emitter sees
 * them as entities and gives them every artifact with no special case:
 * - `XInput` (a create or replace body): every readOnly property's schema becomes `false` (sending
 *   it is rejected at its own pointer, `/id`, whether or not the object is closed, and its type is
 *   `id?: never`, which a value of the read view is not assignable to), its `required` and
 *   `dependentRequired` entries dropped; writeOnly properties stay; a `$ref` to a definition with a
 *   view points at that view (`PointInput`), declared once, in the view file of the definition's
 *   file; a `$ref` to anything else points at the original, which needs no copy.
 * - `XPatch` (JSON Merge Patch, RFC 7396), for a root with `properties`: the input view's
 *   properties, each optional, nested values replaced whole (an input view), at least one
 *   (`minProperties: 1`), closed as the input is; keywords that relate properties to each other
 *   (`required`, `dependentRequired`, `dependentSchemas`, `if`, `maxProperties`) need the stored
 *   record and are left to the handler. `null` is accepted only where the schema accepts it.
 * `X` itself is unchanged (it is the read view; the types emitter marks its readOnly properties
 * `readonly` and leaves writeOnly ones out of its type).
 */

export const VIEW_KINDS = ["input", "patch"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

const SUFFIX: Readonly<Record<ViewKind, string>> = { input: "Input", patch: "Patch" };

/** A derived schema file, with what it is the view of. */
export interface ViewSource {
  readonly source: SourceFile;
  readonly view: ViewOf;
}

/** One definition of a file (its root, `""`, or a top-level `$defs` entry): the unit views are derived for. */
interface DefinitionKey {
  readonly file: string;
  readonly pointer: string;
}

const keyOf = (d: DefinitionKey) => `${d.file}#${d.pointer}`;

/** The schema file an entity comes from: its own, or, for a view, the one it is derived from. */
export function sourceFile(entity: Pick<Entity, "file" | "view">): string {
  return entity.view?.source ?? entity.file;
}

/** The schema file a view is derived into: `schemas/x.schema.json` → `schemas/x.input.schema.json` (never written). */
export function viewFile(file: string, kind: ViewKind): string {
  return file.replace(/(\.schema)?\.json$/, `.${kind}.schema.json`);
}

/**
 * A pointer into a view as the place of the source file it was derived from: a definition's view
 * (`/$defs/PointInput/...`) is that definition (`/$defs/Point/...`); the rest keeps its pointer.
 */
export function sourcePointer(pointer: string, source: Json): string {
  const [first, name, ...rest] = splitPointer(pointer);
  if (first !== "$defs" || name === undefined || !isObject(source) || !isObject(source["$defs"])) return pointer;
  const defs = source["$defs"];
  const key = Object.keys(defs).find((k) => viewName(definitionName(defs[k] as Json, k), "input") === name);
  return key === undefined ? pointer : joinPointer("/$defs", key, ...rest);
}

/** The view name of an entity or definition named `name`. */
export function viewName(name: string, kind: ViewKind): string {
  return `${name}${SUFFIX[kind]}`;
}

/**
 * The views of every file of `sources` (validated, defaults applied), and a problem for each view
 * whose name (or file) another schema already takes.
 */
export function deriveViews(sources: readonly SourceFile[]): { views: ViewSource[]; problems: Problem[] } {
  const index = indexSchemas(new Map(sources.map((s) => [s.file, s.value])));
  const needs = definitionsWithViews(sources, index);
  const views: ViewSource[] = [];
  const problems: Problem[] = [];
  const taken = takenNames(sources);
  const files = new Set(sources.map((s) => s.file));
  for (const source of sources) {
    const root = source.value;
    if (!isObject(root)) continue;
    const defs = isObject(root["$defs"]) ? root["$defs"] : {};
    const viewDefs = Object.keys(defs).filter((key) => needs.has(keyOf({ file: source.file, pointer: joinPointer("/$defs", key) })));
    if (!needs.has(keyOf({ file: source.file, pointer: "" })) && viewDefs.length === 0) continue;
    const name = String(root["title"]);
    const rewrite: Rewrite = { source, index, needs };
    const input: Record<string, Json> = { ...stripRootOnly(inputOf(root, "", rewrite, true)) };
    input["$id"] = viewId(source.file, source.value, "input");
    input["title"] = viewName(name, "input");
    if (viewDefs.length > 0) {
      const $defs: Record<string, Json> = {};
      for (const key of viewDefs) {
        const def = defs[key] as Json;
        const named = viewName(definitionName(def, key), "input");
        const converted = inputOf(def, joinPointer("/$defs", key), rewrite, false);
        $defs[named] = isObject(converted) && "title" in converted ? { ...converted, title: named } : converted;
      }
      input["$defs"] = $defs;
    }
    const derived: [ViewKind, Record<string, Json>][] = [["input", input]];
    const patch = patchOf(input);
    if (patch) derived.push(["patch", { ...patch, $id: viewId(source.file, source.value, "patch"), title: viewName(name, "patch") }]);
    for (const [kind, schema] of derived) {
      const file = viewFile(source.file, kind);
      const title = String(schema["title"]);
      const clash = taken.get(title) ?? (files.has(file) ? file : undefined);
      if (clash !== undefined) {
        problems.push({
          file: source.file,
          pointer: "",
          ...source.locate(""),
          message: `the ${kind === "input" ? "write" : "patch"} view of ${name} (derived from its readOnly/writeOnly properties) is named ${title}, which ${clash} already declares`,
          hint: `rename that schema or definition, or this entity's title: ${title} is the view's name`,
        });
        continue;
      }
      views.push({ source: viewSource(file, schema, source), view: { of: name, kind, source: source.file } });
    }
  }
  return { views, problems };
}

/** Every name the schemas declare (titles of files, definition names), with the file declaring it. */
function takenNames(sources: readonly SourceFile[]): Map<string, string> {
  const taken = new Map<string, string>();
  for (const { file, value } of sources) {
    if (!isObject(value)) continue;
    taken.set(String(value["title"]), file);
    const defs = isObject(value["$defs"]) ? value["$defs"] : {};
    for (const key of Object.keys(defs)) taken.set(definitionName(defs[key] as Json, key), file);
  }
  return taken;
}

function viewSource(file: string, value: Json, from: SourceFile): SourceFile {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  // A view has no text of its own: a location in it is the original file's root.
  return { file, text, value, locate: () => from.locate("") };
}

/** The view's `$id`: the original's with `.input`/`.patch` before `.schema.json` (or `/input`, `/patch` appended). */
function viewId(file: string, root: Json | undefined, kind: ViewKind): string {
  const id = isObject(root) && typeof root["$id"] === "string" ? root["$id"] : `file:///${file}`;
  const bare = id.replace(/#.*$/, "");
  return /(\.schema)?\.json$/.test(bare) ? bare.replace(/(\.schema)?\.json$/, `.${kind}.schema.json`) : `${bare.replace(/\/$/, "")}/${kind}`;
}

/**
 * The definitions that get views: those with a `readOnly`/`writeOnly` subschema of their own (not
 * counting nested `$defs`, which are definitions of their own), and those that reach one through
 * `$ref`s, to a fixed point (recursion and cycles across files included).
 */
function definitionsWithViews(sources: readonly SourceFile[], index: SchemaIndex): Set<string> {
  const edges = new Map<string, string[]>();
  const needs = new Set<string>();
  for (const source of sources) {
    for (const def of definitionsOf(source)) {
      const key = keyOf(def.key);
      const refs: string[] = [];
      walkOwn(def.schema, def.key.pointer, (node, pointer) => {
        if (node["readOnly"] === true || node["writeOnly"] === true) needs.add(key);
        if (typeof node["$ref"] === "string") {
          const target = definitionOf(source.file, node["$ref"], pointer, index);
          if (target) refs.push(keyOf(target));
        }
      });
      edges.set(key, refs);
    }
  }
  // Reverse reachability: a definition needs views when one it refers to does.
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, refs] of edges) {
      if (!needs.has(key) && refs.some((r) => needs.has(r))) {
        needs.add(key);
        changed = true;
      }
    }
  }
  return needs;
}

function definitionsOf(source: SourceFile): { key: DefinitionKey; schema: Json }[] {
  const root = source.value;
  const out = [{ key: { file: source.file, pointer: "" }, schema: root }];
  const defs = isObject(root) && isObject(root["$defs"]) ? root["$defs"] : {};
  for (const key of Object.keys(defs)) out.push({ key: { file: source.file, pointer: joinPointer("/$defs", key) }, schema: defs[key] as Json });
  return out;
}

/** Visits the object subschemas of one definition, not entering nested `$defs`. */
function walkOwn(schema: Json, pointer: string, visit: (node: { readonly [k: string]: Json }, pointer: string) => void): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const sub of subschemas(schema, pointer)) if (sub.keyword !== "$defs") walkOwn(sub.schema, sub.pointer, visit);
}

/** The definition a `$ref` names (a file root or a top-level `$defs` entry), else undefined. */
function definitionOf(file: string, ref: string, at: string, index: SchemaIndex): DefinitionKey | undefined {
  const resolved = resolveRef(file, ref, index, at);
  if (!resolved.ok) return undefined;
  const { file: target, pointer } = resolved.target;
  const tokens = splitPointer(pointer);
  if (pointer === "" || (tokens.length === 2 && tokens[0] === "$defs")) return { file: target, pointer };
  return undefined;
}

interface Rewrite {
  readonly source: SourceFile;
  readonly index: SchemaIndex;
  readonly needs: ReadonlySet<string>;
}

/**
 * The input view of one subschema of `rewrite.source` at `pointer`: readOnly properties `false`
 * at every depth, `$ref`s absolute (to a definition's input view where it has one), nested
 * `$defs` dropped (each is declared once: in the original, or as a view of its own), embedded
 * `$id`s and anchors dropped (the copy is not the resource they name; every `$ref` into it was
 * made absolute first).
 */
function inputOf(schema: Json, pointer: string, rewrite: Rewrite, isRoot: boolean): Json {
  if (!isObject(schema)) return schema;
  const out: Record<string, Json> = {};
  const converted = mapSubschemas(schema, pointer, (sub, at, where) => (where.keyword === "$defs" ? sub : inputOf(sub, at, rewrite, false)));
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const readOnly = new Set(Object.keys(properties).filter((k) => isObject(properties[k]) && (properties[k] as { readOnly?: Json }).readOnly === true));
  for (const key of Object.keys(converted)) {
    if (key === "$defs" || (!isRoot && (key === "$id" || key === "$anchor" || key === "$dynamicAnchor"))) continue;
    const value = converted[key] as Json;
    if (key === "$ref" && typeof value === "string") out[key] = absoluteRef(value, pointer, rewrite);
    else if (key === "properties" && isObject(value)) {
      const props: Record<string, Json> = {};
      for (const name of Object.keys(value)) props[name] = readOnly.has(name) ? false : (value[name] as Json);
      out[key] = props;
    } else if (key === "required" && Array.isArray(value)) out[key] = value.filter((n) => typeof n !== "string" || !readOnly.has(n));
    else if (key === "dependentRequired" && isObject(value)) {
      const kept: Record<string, Json> = {};
      for (const name of Object.keys(value)) {
        const list = value[name];
        if (!readOnly.has(name)) kept[name] = Array.isArray(list) ? list.filter((n) => typeof n !== "string" || !readOnly.has(n)) : (list as Json);
      }
      out[key] = kept;
    } else if (key === "examples" || key === "default") {
      // Example records carry the server's fields: the input's examples are them without, those
      // an `allOf` or `$ref` base declares readOnly included (the base's view makes them `false`).
      const omitted = readOnlyNames(schema, rewrite.source.file, pointer, rewrite.index, new Set());
      out[key] =
        omitted.size === 0 ? value : key === "examples" && Array.isArray(value) ? value.map((v) => withoutKeys(v, omitted)) : withoutKeys(value, omitted);
    } else out[key] = value;
  }
  return out;
}

/** The readOnly properties of an object schema: its own, and those of its `$ref` and `allOf` bases (followed across files). */
function readOnlyNames(schema: Json, file: string, pointer: string, index: SchemaIndex, seen: Set<string>): Set<string> {
  const names = new Set<string>();
  if (!isObject(schema)) return names;
  const add = (more: ReadonlySet<string>) => more.forEach((name) => names.add(name));
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  for (const name of Object.keys(properties)) if (isObject(properties[name]) && (properties[name] as { readOnly?: Json }).readOnly === true) names.add(name);
  if (typeof schema["$ref"] === "string") {
    const resolved = resolveRef(file, schema["$ref"], index, pointer);
    if (resolved.ok && !seen.has(keyOf(resolved.target))) {
      seen.add(keyOf(resolved.target));
      const { file: to, pointer: at } = resolved.target;
      add(readOnlyNames(getAtPointer(index.files.get(to), at) as Json, to, at, index, seen));
    }
  }
  if (Array.isArray(schema["allOf"])) schema["allOf"].forEach((member, i) => add(readOnlyNames(member, file, joinPointer(pointer, "allOf", i), index, seen)));
  return names;
}

function withoutKeys(value: Json, keys: ReadonlySet<string>): Json {
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value)) if (!keys.has(key)) out[key] = value[key] as Json;
  return out;
}

/** `$ref` written at `pointer` of the source, absolute: to a definition's input view where it has one, else to the original. */
function absoluteRef(ref: string, pointer: string, rewrite: Rewrite): string {
  const { source, index, needs } = rewrite;
  const resolved = resolveRef(source.file, ref, index, pointer);
  // Validation resolved every `$ref` before views are derived.
  if (!resolved.ok) return ref;
  const { file, pointer: target } = resolved.target;
  const doc = index.files.get(file);
  const rootId = isObject(doc) && typeof doc["$id"] === "string" ? doc["$id"].replace(/#.*$/, "") : `file:///${file}`;
  const def = definitionOf(source.file, ref, pointer, index);
  if (def && needs.has(keyOf(def))) {
    const id = viewId(file, doc, "input");
    if (target === "") return id;
    const key = splitPointer(target)[1] ?? "";
    const defs = isObject(doc) && isObject(doc["$defs"]) ? doc["$defs"] : {};
    return `${id}#${fragment(joinPointer("/$defs", viewName(definitionName(defs[key] as Json, key), "input")))}`;
  }
  return target === "" ? rootId : `${rootId}#${fragment(target)}`;
}

/** A JSON pointer as a URI fragment: each token percent-encoded where a fragment may not hold it. */
function fragment(pointer: string): string {
  return splitPointer(pointer)
    .map((t) => `/${escapeToken(t).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/g, (c) => encodeURIComponent(c))}`)
    .join("");
}

/** Keywords of a root that belong to the entity, not its views. */
function stripRootOnly(schema: Json): Record<string, Json> {
  if (!isObject(schema)) return { allOf: [schema] };
  const out: Record<string, Json> = {};
  for (const key of Object.keys(schema)) if (key !== "x-docs") out[key] = schema[key] as Json;
  return out;
}

const PATCH_DROPPED: ReadonlySet<string> = new Set(["required", "dependentRequired", "dependentSchemas", "if", "then", "else", "maxProperties", "$defs"]);

/** The merge-patch view of an input root with `properties`, else undefined (no patch view). */
function patchOf(input: Record<string, Json>): Record<string, Json> | undefined {
  const properties = input["properties"];
  if (!isObject(properties)) return undefined;
  // Nothing a client may change (every property readOnly, nothing else allowed): no patch. An
  // object without `additionalProperties` is open, as the spec says (with "closed-objects" at its
  // default such a root is refused before this, unless `unevaluatedProperties: false` closes it).
  const closed = input["additionalProperties"] === false || input["unevaluatedProperties"] === false;
  const open = !closed || "patternProperties" in input;
  if (!open && Object.values(properties).every((p) => p === false)) return undefined;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(input)) {
    if (PATCH_DROPPED.has(key)) continue;
    const value = input[key] as Json;
    if ((key === "allOf" || key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
      // A patch may match several branches where a record matches one: `oneOf` becomes `anyOf`.
      const members = value.map(patchMember);
      if (members.some((m) => m === undefined)) return undefined;
      out[key === "oneOf" ? "anyOf" : key] = members as Json[];
    } else if (key === "examples" && Array.isArray(value)) out[key] = value.filter((v) => isObject(v) && Object.keys(v).length > 0);
    else out[key] = value;
  }
  out["minProperties"] = 1;
  return out;
}

/**
 * An applicator member of a patch: its properties optional. A member that is not an inline object
 * (a `$ref`, a boolean) would require the whole record of every patch: then there is no patch view.
 */
function patchMember(member: Json): Json | undefined {
  if (!isObject(member) || !isObject(member["properties"]) || "$ref" in member) return undefined;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(member)) if (!PATCH_DROPPED.has(key)) out[key] = member[key] as Json;
  return out;
}
