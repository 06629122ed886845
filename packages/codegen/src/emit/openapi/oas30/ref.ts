import type { Json } from "../../../model/types.js";
import type { Step } from "./context.js";

/**
 * `$ref` points at the component; in 3.0 a `$ref`'s siblings are ignored, so a `$ref` with
 * siblings moves into `allOf`, where the siblings keep applying.
 * @see https://spec.openapis.org/oas/v3.0.3.html#reference-object
 */
export const refToComponent: Step = (node, { raw, pointer, ctx }) => {
  const ref = raw["$ref"];
  if (typeof ref !== "string") return node;
  const { $ref: _, ...siblings } = node;
  const target = { $ref: ctx.refFor(ctx.file, ref, pointer) };
  if (Object.keys(siblings).length === 0) return target;
  return { ...siblings, allOf: [target, ...((siblings["allOf"] as Json[] | undefined) ?? [])] };
};
