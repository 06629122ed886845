import type { Json, ObjectNode } from "./types.js";

/** The value a `const` pins property `name` of `node` to, if it does. */
export function constOf(node: ObjectNode, name: string): Json | undefined {
  const property = node.properties.find((p) => p.name === name);
  return property?.type.kind === "const" ? property.type.value : undefined;
}

/**
 * The property tagging a union of objects (a discriminated union): the first property of the
 * first branch that every branch requires with a `const` of its own, no two alike. The docs
 * label branches by it; the fixtures' factories pick the branch an override's tag names.
 */
export function discriminator(branches: readonly ObjectNode[]): string | undefined {
  const first = branches[0];
  if (first === undefined || branches.length < 2) return undefined;
  return first.properties
    .map((p) => p.name)
    .find((name) => {
      const values = branches.map((b) => (b.properties.find((p) => p.name === name)?.required ? constOf(b, name) : undefined));
      return values.every((v) => v !== undefined) && new Set(values.map((v) => JSON.stringify(v))).size === values.length;
    });
}
