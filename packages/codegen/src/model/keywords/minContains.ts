import { ARRAY, asNumber, dataKeyword } from "./define.js";

/**
 * `minContains`: At least this many items match `contains` (`0` makes `contains` always pass).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.5
 */
export const minContains = dataKeyword("minContains", "validation", ARRAY, asNumber);
