import { STRING, asString, dataKeyword } from "./define.js";

/**
 * `contentEncoding`: The encoding of the string's content (`base64`, ...).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-8.3
 */
export const contentEncoding = dataKeyword("contentEncoding", "content", STRING, asString, { annotation: true });
