import { ARRAY, schemaKeyword } from "./define.js";

/**
 * `items`: Every item after those `prefixItems` covers is valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.2
 */
export const items = schemaKeyword("items", "applicator", "schema", ARRAY);
