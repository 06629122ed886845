import { schemaKeyword } from "./define.js";

/**
 * `anyOf`: The value is valid against at least one subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.2
 */
export const anyOf = schemaKeyword("anyOf", "applicator", "array", "any");
