import { NUMBER, asNumber, dataKeyword } from "./define.js";

/**
 * `exclusiveMaximum`: The number is less than this.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.3
 */
export const exclusiveMaximum = dataKeyword("exclusiveMaximum", "validation", NUMBER, asNumber);
