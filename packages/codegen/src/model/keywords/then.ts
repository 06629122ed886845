import { schemaKeyword } from "./define.js";

/**
 * `then`: Applies when `if` succeeds (ignored without `if`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.2
 */
export const thenKeyword = schemaKeyword("then", "applicator", "schema", "any");
