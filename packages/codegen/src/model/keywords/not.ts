import { schemaKeyword } from "./define.js";

/**
 * `not`: The value is not valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.4
 */
export const not = schemaKeyword("not", "applicator", "schema", "any");
