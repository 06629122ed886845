import { ARRAY, schemaKeyword } from "./define.js";

/**
 * `additionalItems`: Draft-07's rest-of-tuple schema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#appendix-G
 */
export const additionalItems = schemaKeyword("additionalItems", "legacy", "schema", ARRAY, {
  refused: 'write the tuple as "prefixItems" and the rest as "items" (2020-12 replaced array-valued "items" and "additionalItems")',
});
