import type { SchemaIndex } from "../schema/refs.js";
import type { Entity, Model, RefNode, SchemaNode, TypeNode } from "./types.js";

/**
 * The views directly under `node`, in document order (a `$ref` is a leaf: it is not followed).
 * Exhaustive over the kinds: a new kind does not compile until it says where its children are.
 */
export function childNodes(node: TypeNode): readonly TypeNode[] {
  switch (node.kind) {
    case "array":
      return [...(node.prefixItems ?? []), node.items, ...optional(node.contains, node.unevaluatedItems)];
    case "object":
      return [
        ...node.properties.map((p) => p.type),
        ...(node.patternProperties ?? []).map((p) => p.type),
        ...(node.additionalProperties === false ? [] : [node.additionalProperties]),
        ...optional(node.propertyNames),
        ...(node.dependentSchemas ?? []).map((d) => d.type),
        ...optional(node.unevaluatedProperties),
      ];
    case "union":
    case "intersection":
      return node.members;
    case "not":
      return [node.not];
    case "conditional":
      return [node.if, ...optional(node.then, node.else)];
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "null":
    case "unknown":
    case "never":
    case "enum":
    case "const":
    case "ref":
      return [];
  }
}

function optional(...nodes: (TypeNode | undefined)[]): TypeNode[] {
  return nodes.filter((n): n is TypeNode => n !== undefined);
}

/** Every view reachable from an entity's root and its `$defs` entries, root first, in document order. */
export function viewNodes(entity: Entity): TypeNode[] {
  const out: TypeNode[] = [];
  forEachNode(entity, (node) => out.push(node));
  return out;
}

/**
 * The lossless nodes directly under `node`, in document order: every subschema position the
 * keyword registry declares (`model/keywords/*.ts`), `$defs` included.
 */
export function schemaChildren(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const value of Object.values(node.keywords)) {
    if (isSchemaNode(value)) out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter(isSchemaNode));
    else if (typeof value === "object" && value !== null) out.push(...Object.values(value).filter(isSchemaNode));
  }
  return out;
}

/** Calls `visit` on `node` and every lossless node under it, depth first in document order. */
export function walkNodes(node: SchemaNode, visit: (node: SchemaNode) => void): void {
  visit(node);
  for (const child of schemaChildren(node)) walkNodes(child, visit);
}

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && "view" in value && "keywords" in value && "pointer" in value;
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

/** The model's schema files, for `resolveRef`. */
export function schemaIndex(model: Model): SchemaIndex {
  return model.index;
}

/** The entity whose schema file is `file`. */
export function entityOfFile(model: Model, file: string): Entity | undefined {
  return model.byFile.get(file);
}
