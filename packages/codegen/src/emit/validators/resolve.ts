import { getAtPointer } from "../../load/pointer.js";
import { InternalError } from "../../errors.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { entityOfFile } from "../../model/walk.js";
import { resolveRef } from "../../schema/refs.js";
import { subschemas } from "./keywords/index.js";
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
 * Indexes the resources of every file (`$id`, `$anchor`, `$dynamicAnchor`, each file's root by its
 * `$id` and by its path) and resolves each `$ref` with the WHATWG URL parser against the base URI
 * its node inherits. A reference the index cannot place falls back to the project's own file
 * resolution (`./other.schema.json`), which validation has already checked.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2 (base URI, anchors, references)
 */
export function indexRefs(model: Pick<Model, "index">): RefIndex {
  const resources = new Map<string, Location>();
  const refs = new Map<string, Map<string, string>>();
  const based = new Set<string>();
  const absolute: [string, string][] = [];
  const locate = (uri: string): string => uri.replace(/#$/, "");
  // Files are indexed when first needed (an entity reaches a few of the project's files).
  const indexFile = (file: string): void => {
    if (refs.has(file)) return;
    const own = new Map<string, string>();
    refs.set(file, own);
    const fileUri = `file:///${file}`;
    resources.set(fileUri, { file, pointer: "" });
    const visit = (node: Json, pointer: string, base: string): void => {
      let here = base;
      if (isSchemaObject(node)) {
        const id = node["$id"];
        if (typeof id === "string") {
          const uri = tryUrl(id, base);
          if (pointer !== "") based.add(file);
          if (uri !== undefined) {
            here = locate(uri.split("#")[0] as string);
            if (!resources.has(here)) resources.set(here, { file, pointer });
          }
        }
        for (const key of ["$anchor", "$dynamicAnchor"]) {
          const anchor = node[key];
          if (typeof anchor === "string" && !resources.has(`${here}#${anchor}`)) resources.set(`${here}#${anchor}`, { file, pointer });
        }
        const ref = node["$ref"];
        if (typeof ref === "string") {
          own.set(pointer, tryUrl(ref, here) ?? "");
          if (!ref.startsWith("#")) absolute.push([file, pointer]);
        }
      }
      for (const [child, value] of subschemas(node, pointer, "all")) visit(value, child, here);
    };
    visit(model.index.files.get(file) ?? null, "", fileUri);
  };
  /** The file a resource URI names: by a root `$id`, or by its path. */
  const fileOf = (resource: string): string | undefined =>
    model.index.byId.get(resource) ?? (resource.startsWith("file:///") && model.index.files.has(resource.slice(8)) ? resource.slice(8) : undefined);
  const resolve = (file: string, pointer: string): Resolution | undefined => {
    indexFile(file);
    const uri = refs.get(file)?.get(pointer);
    if (uri === undefined) return undefined;
    const hash = uri.indexOf("#");
    const resource = hash === -1 ? uri : uri.slice(0, hash);
    const fragment = hash === -1 ? "" : safeDecode(uri.slice(hash + 1));
    const written = (getAtPointer(model.index.files.get(file), pointer) as { $ref: string }).$ref;
    const other = fileOf(resource);
    if (other !== undefined) indexFile(other);
    const root = resources.get(resource);
    if (root === undefined || fragment === undefined) {
      const fallback = resolveRef(file, written, model.index);
      return fallback.ok ? { ok: true, target: fallback.target } : { ok: false, reason: fallback.reason };
    }
    if (fragment === "") return { ok: true, target: root };
    if (fragment.startsWith("/")) {
      const target = { file: root.file, pointer: root.pointer + fragment };
      return getAtPointer(model.index.files.get(root.file), target.pointer) === undefined
        ? { ok: false, reason: `$ref "${written}" points at nothing` }
        : { ok: true, target };
    }
    const anchored = resources.get(`${resource}#${fragment}`);
    return anchored === undefined ? { ok: false, reason: `$ref "${written}" names no anchor "${fragment}"` } : { ok: true, target: anchored };
  };
  const needsBase = (file: string): boolean => {
    indexFile(file);
    return (
      based.has(file) ||
      absolute.some(([f, pointer]) => {
        if (f !== file) return false;
        const resolved = resolve(f, pointer);
        return resolved?.ok === true && resolved.target.file === file;
      })
    );
  };
  const targets = (file: string): ReadonlySet<string> => {
    indexFile(file);
    const out = new Set<string>();
    for (const pointer of refs.get(file)?.keys() ?? []) {
      const resolved = resolve(file, pointer);
      if (resolved?.ok === true) out.add(resolved.target.file);
    }
    return out;
  };
  return { resolve, needsBase, targets };
}

function tryUrl(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function safeDecode(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
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
