import { STRING, asString, dataKeyword } from "./define.js";

/**
 * `pattern`: The string matches this ECMA-262 regular expression (Unicode, unanchored).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
export const pattern = dataKeyword("pattern", "validation", STRING, asString);
