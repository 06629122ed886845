import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `propertyNames`: Every property name is valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.4
 */
export const propertyNames = schemaKeyword("propertyNames", "applicator", "schema", OBJECT);
