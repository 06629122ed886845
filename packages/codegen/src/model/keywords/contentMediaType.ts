import { STRING, asString, dataKeyword } from "./define.js";

/**
 * `contentMediaType`: The media type of the string's content.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-8.4
 */
export const contentMediaType = dataKeyword("contentMediaType", "content", STRING, asString, { annotation: true });
