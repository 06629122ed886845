import { compareCodeUnits, InternalError } from "../../errors.js";
import { getAtPointer, joinPointer } from "../../load/pointer.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { positionOf } from "./keywords/index.js";
import { definitionName, type Location, type RefIndex } from "./resolve.js";
import { isSchemaObject } from "./schema.js";

const key = (target: Location): string => `${target.file}#${target.pointer}`;

export interface Bundle {
  /** One self-contained schema: the entity with every definition of other files it reaches under `$defs`. */
  readonly schema: Json;
  /** Some definition reaches itself again: values can nest without bound. */
  readonly recursive: boolean;
  /** The schema files the bundle copies from, the entity's own first. */
  readonly files: readonly string[];
}

/**
 * The check compiles a bundle: the entity's file as written (TypeBox resolves its own `$ref`s,
 * anchors and embedded `$id`s as 2020-12 says), and every definition of another file it reaches
 * copied under `$defs` by its project-wide unique name (`#/$defs/Point`), each `$ref` to it
 * rewritten to that local pointer. Verdicts are exactly those of the separate files; only the
 * compiled code is repeated per entity (the walkers, which people read, are declared once and
 * imported). Kept by hand rather than TypeBox's `Code(context, schema)` with the other files
 * keyed by `$id` (which resolves them): TypeBox names a compiled definition by the URI it was
 * entered through, so a recursive definition reached from another file is compiled twice, once
 * per base (the refs fixture's `Node`: a second copy of its function and of its externals).
 * (TypeBox 1.4 keys a compiled function by schema object and lexical base; one function per
 * definition needs one base at every call site, which is this rewrite.) The bundle is also an
 * output in its own right: the self-contained document `~standard.jsonSchema` returns.
 */
export function bundle(entity: Entity, model: Model, refs: RefIndex): Bundle {
  const defs: Record<string, Json> = {};
  const found: [Location, Location][] = [];
  const names = new Map<string, string>();
  const pending: Location[] = [];
  const ownDefs = isSchemaObject(entity.schema["$defs"]) ? entity.schema["$defs"] : {};
  const local = (target: Location): string => {
    if (target.file === entity.file) return `#${target.pointer}`;
    const k = key(target);
    if (!names.has(k)) {
      const name = definitionName(model, target);
      if (name === undefined || Object.hasOwn(defs, name) || Object.hasOwn(ownDefs, name))
        throw new InternalError(`${k}: no unique definition name to bundle it under`);
      names.set(k, name);
      defs[name] = null;
      pending.push(target);
    }
    return `#${joinPointer("", "$defs", names.get(k) as string)}`;
  };
  // A rewritten ref beneath an embedded `$id` of the entity's file would resolve against that `$id`:
  // there it names the bundle's root by its own `$id` (which the root keeps: it has embedded resources).
  const rootId = typeof entity.schema["$id"] === "string" ? entity.schema["$id"] : "";
  const copy = (file: string, top: string): Json => {
    const inEntity = file === entity.file;
    const rewrite = (node: Json, pointer: string, underId = false): Json => {
      if (!isSchemaObject(node)) return node;
      const below = underId || (inEntity && pointer !== top && typeof node["$id"] === "string");
      const result: Record<string, Json> = {};
      for (const [k, v] of Object.entries(node)) {
        // The root's `$schema` and `$id` do not reach TypeBox's output; another file's `$defs` are copied one by one when reached.
        if (pointer === top && (k === "$schema" || (k === "$id" && !keepsId(file, refs)) || (k === "$defs" && !inEntity))) continue;
        // Every `$ref` of another file's copy is rewritten to the bundle's root (`#/$defs/Name`): an
        // `$id` kept in the copy would make those resolve against it instead, to nothing.
        if (k === "$id" && !inEntity) continue;
        const position = positionOf(k);
        if (k === "$ref") {
          const resolved = refs.resolve(file, pointer);
          if (resolved?.ok !== true) throw new InternalError(`${file}#${pointer}: $ref unresolved after validation`);
          found.push([{ file, pointer }, resolved.target]);
          result[k] = inEntity && resolved.target.file === file ? v : below ? `${rootId}${local(resolved.target)}` : local(resolved.target);
        } else if (position === "one") {
          result[k] = rewrite(v, joinPointer(pointer, k), below);
        } else if (position === "list" && Array.isArray(v)) {
          result[k] = v.map((s: Json, i: number) => rewrite(s, joinPointer(pointer, k, i), below));
        } else if (position === "map" && isSchemaObject(v)) {
          result[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, rewrite(s, joinPointer(pointer, k, name), below)]));
        } else {
          result[k] = v;
        }
      }
      return result;
    };
    return rewrite(getAtPointer(model.index.files.get(file), top) as Json, top);
  };
  const root = copy(entity.file, "") as Record<string, Json>;
  for (let target = pending.shift(); target !== undefined; target = pending.shift()) {
    defs[names.get(key(target)) as string] = copy(target.file, target.pointer);
  }
  const own = isSchemaObject(root["$defs"]) ? root["$defs"] : {};
  const schema = Object.keys(defs).length === 0 ? root : { ...root, $defs: { ...own, ...defs } };
  const others = [...new Set([...names.keys()].map((k) => k.slice(0, k.indexOf("#"))))].filter((f) => f !== entity.file).sort(compareCodeUnits);
  return { schema, recursive: isRecursive(found, { file: entity.file, pointer: "" }), files: [entity.file, ...others] };
}

/** A file whose refs or embedded resources need its `$id` as their base keeps it in the bundle. */
function keepsId(file: string, refs: RefIndex): boolean {
  return refs.needsBase(file);
}

/**
 * Whether a value can nest without bound: from the root, a `$ref` inside the subtree of a target
 * leads (directly or through others) back to a target whose subtree holds it.
 */
function isRecursive(refs: readonly [Location, Location][], root: Location): boolean {
  const within = (at: Location, top: Location): boolean => at.file === top.file && (at.pointer === top.pointer || at.pointer.startsWith(`${top.pointer}/`));
  const state = new Map<string, "open" | "done">();
  const visit = (target: Location): boolean => {
    const k = key(target);
    const s = state.get(k);
    if (s === "open") return true;
    if (s === "done") return false;
    state.set(k, "open");
    const cycle = refs.some(([at, next]) => within(at, target) && visit(next));
    state.set(k, "done");
    return cycle;
  };
  return visit(root);
}
