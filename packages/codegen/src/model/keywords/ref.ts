import { asString, dataKeyword } from "./define.js";

/**
 * `$ref`: A reference to another schema, applied in place (its siblings apply too).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
export const $ref = dataKeyword("$ref", "core", "any", asString);
