import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `unevaluatedProperties`: Properties no adjacent or nested applicator evaluated are valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11.3
 */
export const unevaluatedProperties = schemaKeyword("unevaluatedProperties", "unevaluated", "schema", OBJECT);
