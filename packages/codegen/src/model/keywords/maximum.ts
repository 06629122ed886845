import { NUMBER, asNumber, dataKeyword } from "./define.js";

/**
 * `maximum`: The number is at most this.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.2
 */
export const maximum = dataKeyword("maximum", "validation", NUMBER, asNumber);
