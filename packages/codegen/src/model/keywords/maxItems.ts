import { ARRAY, asNumber, dataKeyword } from "./define.js";

/**
 * `maxItems`: The array has at most this many items.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.1
 */
export const maxItems = dataKeyword("maxItems", "validation", ARRAY, asNumber);
