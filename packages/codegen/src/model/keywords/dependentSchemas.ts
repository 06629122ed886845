import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `dependentSchemas`: When the named property is present, the whole object is valid against its subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.4
 */
export const dependentSchemas = schemaKeyword("dependentSchemas", "applicator", "map", OBJECT);
