import { schemaKeyword } from "./define.js";

/**
 * `definitions`: Draft-07's name for `$defs`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#appendix-G
 */
export const definitions = schemaKeyword("definitions", "legacy", "map", "any", {
  refused: 'rename "definitions" to "$defs" (and each "#/definitions/..." $ref to "#/$defs/...")',
});
