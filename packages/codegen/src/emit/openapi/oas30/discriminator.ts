import { joinPointer } from "../../../load/pointer.js";
import type { Json } from "../../../model/types.js";
import { isObject, sortData } from "../schema-tree.js";
import type { Step } from "./context.js";

/**
 * A tagged union, `oneOf` (or `anyOf`) of `$ref`s whose targets all require one property with a
 * single string value (`const`, or a one-value `enum`), each a different one, gets a 3.0
 * `discriminator` naming that property and mapping each value to its component, so client
 * generators and validators can dispatch on the tag. It changes no verdict: with distinct
 * required tags at most one branch can match anyway. The first such property of the first branch
 * is the tag. Inline branches get none: 3.0 maps a tag to a component, never to an inline schema.
 * @see https://spec.openapis.org/oas/v3.0.3.html#discriminator-object
 */
export const discriminator: Step = (node, { raw, pointer, ctx }) => {
  if ("discriminator" in node) return node;
  for (const via of ["oneOf", "anyOf"] as const) {
    const branches = raw[via];
    if (!Array.isArray(branches) || branches.length < 2) continue;
    const refs = branches.map((b: Json) => (isObject(b) && typeof b["$ref"] === "string" && Object.keys(b).length === 1 ? b["$ref"] : undefined));
    if (refs.some((r) => r === undefined)) continue;
    const targets = (refs as string[]).map((ref, i) => {
      const at = joinPointer(pointer, via, i);
      return { ref, at, tags: tagsOf(ctx.targetOf(ctx.file, ref, at).schema) };
    });
    for (const propertyName of (targets[0]?.tags ?? new Map<string, string>()).keys()) {
      const values = targets.map((t) => t.tags.get(propertyName));
      if (values.some((v) => v === undefined) || new Set(values).size !== values.length) continue;
      const mapping = Object.fromEntries(targets.map((t, i) => [values[i] as string, ctx.refFor(ctx.file, t.ref, t.at)]));
      return { ...node, discriminator: sortData({ mapping, propertyName }) };
    }
  }
  return node;
};

/** The required properties of an object schema that hold one string value, in property order. */
function tagsOf(schema: Json): Map<string, string> {
  const tags = new Map<string, string>();
  if (!isObject(schema) || !isObject(schema["properties"]) || !Array.isArray(schema["required"])) return tags;
  const required = new Set(schema["required"] as string[]);
  for (const [name, property] of Object.entries(schema["properties"])) {
    if (!required.has(name) || !isObject(property)) continue;
    const only = "const" in property ? property["const"] : Array.isArray(property["enum"]) && property["enum"].length === 1 ? property["enum"][0] : undefined;
    if (typeof only === "string") tags.set(name, only);
  }
  return tags;
}
