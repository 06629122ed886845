import { NUMBER, asNumber, dataKeyword } from "./define.js";

/**
 * `multipleOf`: The number divided by this is an integer.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.1
 */
export const multipleOf = dataKeyword("multipleOf", "validation", NUMBER, asNumber);
