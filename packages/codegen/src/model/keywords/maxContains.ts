import { ARRAY, asNumber, dataKeyword } from "./define.js";

/**
 * `maxContains`: At most this many items match `contains`.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.4
 */
export const maxContains = dataKeyword("maxContains", "validation", ARRAY, asNumber);
