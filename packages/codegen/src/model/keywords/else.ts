import { schemaKeyword } from "./define.js";

/**
 * `else`: Applies when `if` fails (ignored without `if`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.3
 */
export const elseKeyword = schemaKeyword("else", "applicator", "schema", "any");
