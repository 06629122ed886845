import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `properties`: Each named property, when present, is valid against its subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.1
 */
export const properties = schemaKeyword("properties", "applicator", "map", OBJECT);
