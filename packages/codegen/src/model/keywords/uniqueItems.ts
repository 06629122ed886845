import { ARRAY, asBoolean, dataKeyword } from "./define.js";

/**
 * `uniqueItems`: With `true`, no two items are equal.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.3
 */
export const uniqueItems = dataKeyword("uniqueItems", "validation", ARRAY, asBoolean);
