import type { Json } from "../model/types.js";
import { joinPointer } from "../load/pointer.js";
import { isObject } from "./refs.js";

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = [
  "additionalProperties",
  "items",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
] as const;
/** Keywords whose value is an array of subschemas. */
const SCHEMA_ARRAY_KEYWORDS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = ["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"] as const;

/**
 * Visits every subschema (depth first, in document order) with its pointer. Only schema positions
 * are visited: a property *named* "$ref" or an `enum` value is data, not a schema.
 */
export function walkSchemas(schema: Json, visit: (node: Json, pointer: string) => void, pointer = ""): void {
  visit(schema, pointer);
  if (!isObject(schema)) return;
  for (const key of Object.keys(schema)) {
    const value = schema[key] as Json;
    if ((SCHEMA_KEYWORDS as readonly string[]).includes(key)) {
      walkSchemas(value, visit, joinPointer(pointer, key));
    } else if ((SCHEMA_ARRAY_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) {
      value.forEach((item: Json, i: number) => walkSchemas(item, visit, joinPointer(pointer, key, i)));
    } else if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(key) && isObject(value)) {
      for (const name of Object.keys(value)) walkSchemas(value[name] as Json, visit, joinPointer(pointer, key, name));
    }
  }
}
