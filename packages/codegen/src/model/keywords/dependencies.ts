import { OBJECT, schemaKeyword } from "./define.js";

/**
 * `dependencies`: Draft-07's `dependencies`, split in 2020-12.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#appendix-G
 */
export const dependencies = schemaKeyword("dependencies", "legacy", "map", OBJECT, {
  refused: 'write "dependentRequired" for the entries that list property names and "dependentSchemas" for those that are schemas',
});
