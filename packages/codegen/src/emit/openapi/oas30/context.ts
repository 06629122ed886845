import type { Json } from "../../../model/types.js";
import type { SchemaContext } from "../oas31.js";

export interface Oas30Context extends SchemaContext {
  /** Records a construct OpenAPI 3.0 cannot express; generation then fails naming it. */
  report(pointer: string, message: string, hint: string): void;
}

/** What each step sees: the node (children already converted), the schema as written, where it is. */
export interface StepInput {
  readonly raw: { readonly [keyword: string]: Json };
  readonly pointer: string;
  readonly ctx: Oas30Context;
}

/** One down-conversion rule: a pure function of the node, returning the new node. */
export type Step = (node: Record<string, Json>, input: StepInput) => Record<string, Json>;

/** Keywords that describe without constraining (after `examples` became `example`). */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "readOnly",
  "writeOnly",
  "deprecated",
  "example",
  "examples",
  "default",
  "$comment",
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith("x-");
}

/** The one value OpenAPI 3.0 can tie `nullable` to is a `type`; this one carries a null-only schema. */
export const NULL_CARRIER_TYPE = "string";

export function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
