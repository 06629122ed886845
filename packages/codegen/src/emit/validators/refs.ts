import { compareCodeUnits, InternalError } from "../../errors.js";
import { getAtPointer, joinPointer } from "../../load/pointer.js";
import type { DefinitionRef, Entity, Json, Model } from "../../model/types.js";
import { entityOfFile, entityRefs } from "../../model/walk.js";
import { isSchemaObject } from "./schema.js";

/** Where each `$ref` of an entity's file leads, by the pointer of the node that holds it. */
export function refTargets(entity: Entity): ReadonlyMap<string, DefinitionRef> {
  return new Map(entityRefs(entity).map((ref) => [ref.pointer, ref.target]));
}

/** The entity whose file holds a definition. */
export function owner(model: Model, file: string): Entity {
  const entity = entityOfFile(model, file);
  if (entity === undefined) throw new InternalError(`no entity for ${file}, which a $ref of the model points into`);
  return entity;
}

const key = (file: string, pointer: string): string => `${file}#${pointer}`;

export interface Bundle {
  /** One self-contained schema: the entity with every definition it reaches under `$defs`. */
  readonly schema: Json;
  /** Some definition reaches itself again: values can nest without bound. */
  readonly recursive: boolean;
  /** The schema files the bundle copies from, the entity's own first. */
  readonly files: readonly string[];
}

/**
 * The check compiles a bundle: every definition the entity reaches, in any file, copied under
 * `$defs` by its project-wide unique name (`#/$defs/Point`), each `$ref` rewritten to that local
 * pointer, the entity's own root staying `#`. Verdicts are exactly those of the separate files;
 * only the compiled code is repeated per entity (the walkers, which people read, are declared once
 * and imported). Kept by hand rather than TypeBox's `Code(context, schema)` with the other files
 * keyed by `$id` (which resolves them): TypeBox names a compiled definition by the URI it was
 * entered through, so a recursive definition reached from another file is compiled twice, once
 * per base (the refs fixture's `Node`: a second copy of its function and of its externals).
 */
export function bundle(entity: Entity, model: Model): Bundle {
  const defs: Record<string, Json> = {};
  const edges = new Map<string, string[]>();
  const names = new Map<string, string>();
  const pending: DefinitionRef[] = [];
  const local = (target: DefinitionRef): string => {
    if (target.file === entity.file && target.pointer === "") return "#";
    const k = key(target.file, target.pointer);
    if (!names.has(k)) {
      if (Object.hasOwn(defs, target.name)) throw new InternalError(`two definitions named ${target.name} reach ${entity.file}`);
      names.set(k, target.name);
      defs[target.name] = null;
      pending.push(target);
    }
    return `#${joinPointer("", "$defs", target.name)}`;
  };
  const copy = (from: Entity, top: string): Json => {
    const targets = refTargets(from);
    const out: string[] = [];
    edges.set(key(from.file, top), out);
    const rewrite = (node: Json, pointer: string): Json => {
      if (!isSchemaObject(node)) return node;
      const result: Record<string, Json> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === "$defs" || k === "$id" || k === "$schema") continue;
        if (k === "$ref") {
          const target = targets.get(pointer);
          if (target === undefined) throw new InternalError(`${from.file}#${pointer}: $ref missing from the model`);
          out.push(key(target.file, target.pointer));
          result[k] = local(target);
        } else if (k === "properties" && isSchemaObject(v)) {
          result[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, rewrite(s, joinPointer(pointer, k, name))]));
        } else if ((k === "items" || k === "additionalProperties") && typeof v !== "boolean") {
          result[k] = rewrite(v, joinPointer(pointer, k));
        } else if ((k === "anyOf" || k === "oneOf") && Array.isArray(v)) {
          result[k] = v.map((s: Json, i: number) => rewrite(s, joinPointer(pointer, k, i)));
        } else {
          result[k] = v;
        }
      }
      return result;
    };
    return rewrite(getAtPointer(from.schema, top) as Json, top);
  };
  const root = copy(entity, "") as Record<string, Json>;
  for (let target = pending.shift(); target !== undefined; target = pending.shift()) {
    defs[target.name] = copy(owner(model, target.file), target.pointer);
  }
  const schema = Object.keys(defs).length === 0 ? root : { ...root, $defs: defs };
  const others = [...new Set([...names.keys()].map((k) => k.slice(0, k.indexOf("#"))))].filter((f) => f !== entity.file).sort(compareCodeUnits);
  return { schema, recursive: hasCycle(edges, key(entity.file, "")), files: [entity.file, ...others] };
}

function hasCycle(edges: ReadonlyMap<string, readonly string[]>, start: string): boolean {
  const state = new Map<string, "open" | "done">();
  const visit = (node: string): boolean => {
    const s = state.get(node);
    if (s === "open") return true;
    if (s === "done") return false;
    state.set(node, "open");
    const found = (edges.get(node) ?? []).some(visit);
    state.set(node, "done");
    return found;
  };
  return visit(start);
}
