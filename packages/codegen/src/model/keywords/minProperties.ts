import { OBJECT, asNumber, dataKeyword } from "./define.js";

/**
 * `minProperties`: The object has at least this many properties.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.2
 */
export const minProperties = dataKeyword("minProperties", "validation", OBJECT, asNumber);
