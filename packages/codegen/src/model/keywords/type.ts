import type { Json } from "../json.js";
import type { InstanceType } from "./define.js";
import { dataKeyword } from "./define.js";

/**
 * `type`: The value's JSON type, or one of several (`integer` is a number without a fraction).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.1
 */
export const type = dataKeyword("type", "validation", "any", asTypes);

/** `"string"` and `["string", "null"]` alike, as the list of types. */
function asTypes(value: Json): readonly InstanceType[] | undefined {
  if (typeof value === "string") return [value as InstanceType];
  return Array.isArray(value) ? (value as readonly InstanceType[]) : undefined;
}
