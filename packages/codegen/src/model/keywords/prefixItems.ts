import { ARRAY, schemaKeyword } from "./define.js";

/**
 * `prefixItems`: Item `i` is valid against subschema `i` (a tuple).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.1
 */
export const prefixItems = schemaKeyword("prefixItems", "applicator", "array", ARRAY);
