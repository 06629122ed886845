import { ARRAY, schemaKeyword } from "./define.js";

/**
 * `unevaluatedItems`: Items no adjacent or nested applicator evaluated are valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11.2
 */
export const unevaluatedItems = schemaKeyword("unevaluatedItems", "unevaluated", "schema", ARRAY);
