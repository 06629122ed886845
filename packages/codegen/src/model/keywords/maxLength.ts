import { STRING, asNumber, dataKeyword } from "./define.js";

/**
 * `maxLength`: The string has at most this many code points.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.1
 */
export const maxLength = dataKeyword("maxLength", "validation", STRING, asNumber);
