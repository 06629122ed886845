import { schemaKeyword } from "./define.js";

/**
 * `if`: Selects `then` (valid) or `else` (invalid); never fails on its own.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.1
 */
export const ifKeyword = schemaKeyword("if", "applicator", "schema", "any");
