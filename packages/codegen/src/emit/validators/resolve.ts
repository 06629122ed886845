import { getAtPointer } from "../../load/pointer.js";
import { InternalError } from "../../errors.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { entityOfFile } from "../../model/walk.js";
import { hasEmbeddedResources, resolveRef } from "../../model/refs.js";
import { walkSchemas } from "../../model/subschemas.js";
import { isSchemaObject } from "./schema.js";

/** A node of a schema file: where a `$ref` leads. */
export interface Location {
  readonly file: string;
  readonly pointer: string;
}

export type Resolution = { readonly ok: true; readonly target: Location } | { readonly ok: false; readonly reason: string };

/** Every `$ref` of the project's files, resolved as 2020-12 says: against the base URI where it stands. */
export interface RefIndex {
  /** Where the `$ref` of the node at `pointer` in `file` leads. */
  readonly resolve: (file: string, pointer: string) => Resolution | undefined;
  /** The file has embedded resources (`$id` below its root) or a `$ref` that is not a plain `#` fragment: they need its `$id`. */
  readonly needsBase: (file: string) => boolean;
  /** The files a file's `$ref`s lead into (itself included when one stays inside). */
  readonly targets: (file: string) => ReadonlySet<string>;
}

/**
 * Each `$ref` of the project's files resolved by the model's one resolution (`model/refs.ts`:
 * against the base URI its node inherits, to a root, an embedded `$id` or an `$anchor`, at any
 * depth), with what the validators need to know of each file. Per-run state, built by the emitter's
 * context: the refs of a file are found when first asked for (an entity reaches a few files).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2 (base URI, anchors, references)
 */
export function indexRefs(model: Pick<Model, "index">): RefIndex {
  const { index } = model;
  const refsOf = new Map<string, readonly string[]>();
  const pointersOf = (file: string): readonly string[] => {
    let found = refsOf.get(file);
    if (found === undefined) {
      const pointers: string[] = [];
      walkSchemas(index.files.get(file) ?? null, (node, pointer) => {
        if (isSchemaObject(node) && typeof node["$ref"] === "string") pointers.push(pointer);
      });
      refsOf.set(file, (found = pointers));
    }
    return found;
  };
  const resolve = (file: string, pointer: string): Resolution | undefined => {
    const node = getAtPointer(index.files.get(file), pointer) as Json;
    if (!isSchemaObject(node) || typeof node["$ref"] !== "string") return undefined;
    const resolved = resolveRef(file, node["$ref"], index, pointer);
    return resolved.ok ? { ok: true, target: resolved.target } : { ok: false, reason: resolved.reason };
  };
  const needsBase = (file: string): boolean =>
    hasEmbeddedResources(index, file) ||
    pointersOf(file).some((pointer) => {
      const ref = (getAtPointer(index.files.get(file), pointer) as { $ref: string }).$ref;
      const resolved = resolve(file, pointer);
      return !ref.startsWith("#") && resolved?.ok === true && resolved.target.file === file;
    });
  const targets = (file: string): ReadonlySet<string> => {
    const out = new Set<string>();
    for (const pointer of pointersOf(file)) {
      const resolved = resolve(file, pointer);
      if (resolved?.ok === true) out.add(resolved.target.file);
    }
    return out;
  };
  return { resolve, needsBase, targets };
}

/** The entity whose file holds a definition. */
export function owner(model: Model, file: string): Entity {
  const entity = entityOfFile(model, file);
  if (entity === undefined) throw new InternalError(`no entity for ${file}, which a $ref of the model points into`);
  return entity;
}

/** The exported name of another file's root or `$defs` entry. */
export function definitionName(model: Model, target: Location): string | undefined {
  const other = model.byFile.get(target.file);
  if (other === undefined) return undefined;
  if (target.pointer === "") return other.name;
  return other.definitions.find((d) => d.pointer === target.pointer)?.name;
}

/**
 * Whether the entity's file or a file it reaches uses `unevaluatedProperties` or `unevaluatedItems`:
 * then its walkers keep the evaluation record those keywords read, and no walker pays for it
 * otherwise. Decided from the entity and what it references only, as the cache requires.
 */
export function tracksEvaluation(entity: Pick<Entity, "file">, model: Pick<Model, "index">, refs: RefIndex): boolean {
  const uses = (node: Json): boolean => {
    if (Array.isArray(node)) return node.some(uses);
    if (!isSchemaObject(node)) return false;
    if ("unevaluatedProperties" in node || "unevaluatedItems" in node) return true;
    return Object.values(node).some(uses);
  };
  const seen = new Set<string>();
  const pending = [entity.file];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (uses(model.index.files.get(file) ?? null)) return true;
    pending.push(...refs.targets(file));
  }
  return false;
}
