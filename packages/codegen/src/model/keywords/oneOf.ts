import { schemaKeyword } from "./define.js";

/**
 * `oneOf`: The value is valid against exactly one subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
export const oneOf = schemaKeyword("oneOf", "applicator", "array", "any");
