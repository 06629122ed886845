import { asString, dataKeyword } from "./define.js";

/**
 * `title`: A short name.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.1
 */
export const title = dataKeyword("title", "meta-data", "any", asString, { annotation: true });
