import { OBJECT, asNumber, dataKeyword } from "./define.js";

/**
 * `maxProperties`: The object has at most this many properties.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.1
 */
export const maxProperties = dataKeyword("maxProperties", "validation", OBJECT, asNumber);
