import type { SchemaIndex } from "../schema/refs.js";
import type { Entity, Json, Model, RefNode, TypeNode } from "./types.js";

/** The nodes directly under `node`, in document order (a `$ref` is a leaf: it is not followed). */
export function childNodes(node: TypeNode): readonly TypeNode[] {
  switch (node.kind) {
    case "array":
      return [node.items];
    case "object":
      return [...node.properties.map((p) => p.type), ...(node.additionalProperties === false ? [] : [node.additionalProperties])];
    case "union":
      return node.members;
    default:
      return [];
  }
}

/** Calls `visit` on every node of an entity's file, root first, then each `$defs` entry's, in document order. */
export function forEachNode(entity: Entity, visit: (node: TypeNode) => void): void {
  const walk = (node: TypeNode): void => {
    visit(node);
    childNodes(node).forEach(walk);
  };
  walk(entity.root);
  entity.definitions.forEach((d) => walk(d.type));
}

/** `$ref` nodes under `node` in document order; does not follow them. */
export function refsIn(node: TypeNode): RefNode[] {
  if (node.kind === "ref") return [node];
  return childNodes(node).flatMap(refsIn);
}

/** Every `$ref` node of an entity's file: under its root, then under each `$defs` entry. */
export function entityRefs(entity: Entity): RefNode[] {
  return [entity.root, ...entity.definitions.map((d) => d.type)].flatMap(refsIn);
}

/** `from` and every entity whose file its `$ref`s reach, directly or through others. */
export function reachableEntities(model: Model, from: Entity): Entity[] {
  const seen = new Map<string, Entity>([[from.file, from]]);
  const pending = [from];
  while (pending.length > 0) {
    for (const ref of entityRefs(pending.pop() as Entity)) {
      const target = entityOfFile(model, ref.target.file);
      if (target && !seen.has(target.file)) {
        seen.set(target.file, target);
        pending.push(target);
      }
    }
  }
  return [...seen.values()];
}

const indexes = new WeakMap<Model, SchemaIndex>();

/** The model's schema files, for `resolveRef` (built once: the model is frozen). */
export function schemaIndex(model: Model): SchemaIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = { files: new Map(model.entities.map((e) => [e.file, e.schema as Json])) }));
  return index;
}

const byFileIndexes = new WeakMap<Model, ReadonlyMap<string, Entity>>();

/** The entity whose schema file is `file` (indexed once per model: the model is frozen). */
export function entityOfFile(model: Model, file: string): Entity | undefined {
  let byFile = byFileIndexes.get(model);
  if (!byFile) byFileIndexes.set(model, (byFile = new Map(model.entities.map((e) => [e.file, e]))));
  return byFile.get(file);
}
