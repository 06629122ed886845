import { asString, dataKeyword } from "./define.js";

/**
 * `$schema`: The dialect's meta-schema URI.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.1.1
 */
export const $schema = dataKeyword("$schema", "core", "any", asString, { annotation: true });
