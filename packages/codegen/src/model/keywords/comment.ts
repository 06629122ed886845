import { asString, dataKeyword } from "./define.js";

/**
 * `$comment`: A comment for schema authors; never an annotation of the instance.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.3
 */
export const $comment = dataKeyword("$comment", "core", "any", asString, { annotation: true });
