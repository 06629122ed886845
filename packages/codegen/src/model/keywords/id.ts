import { asString, dataKeyword } from "./define.js";

/**
 * `$id`: The schema resource's base URI.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.1
 */
export const $id = dataKeyword("$id", "core", "any", asString, { annotation: true });
