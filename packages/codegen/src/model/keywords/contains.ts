import { ARRAY, schemaKeyword } from "./define.js";

/**
 * `contains`: At least one item (`minContains`..`maxContains` items) is valid against the subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.3
 */
export const contains = schemaKeyword("contains", "applicator", "schema", ARRAY);
