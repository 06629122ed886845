import { STRING, asString, dataKeyword } from "./define.js";

/**
 * `format`: A semantic format (`date-time`, `uri`, ...): an annotation by default, which the validators assert for the formats they know.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-7.2.1
 */
export const format = dataKeyword("format", "format-annotation", STRING, asString);
