import { schemaKeyword } from "./define.js";

/**
 * `allOf`: The value is valid against every subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.1
 */
export const allOf = schemaKeyword("allOf", "applicator", "array", "any");
