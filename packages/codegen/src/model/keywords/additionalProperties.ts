import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `additionalProperties`: Every property neither `properties` nor `patternProperties` covers is valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 */
export const additionalProperties = schemaKeyword("additionalProperties", "applicator", "schema", OBJECT);
