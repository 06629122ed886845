import type { Json } from "../json.js";
import { OBJECT, dataKeyword } from "./define.js";

/**
 * `dependentRequired`: When the named property is present, the listed ones are too.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.4
 */
export const dependentRequired = dataKeyword("dependentRequired", "validation", OBJECT, asDependencies);

function asDependencies(value: Json): { readonly [property: string]: readonly string[] } | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { readonly [property: string]: readonly string[] }) : undefined;
}
