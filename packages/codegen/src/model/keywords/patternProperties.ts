import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `patternProperties`: Each property whose name matches a pattern is valid against its subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.2
 */
export const patternProperties = schemaKeyword("patternProperties", "applicator", "map", OBJECT);
