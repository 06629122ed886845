import { asString, dataKeyword } from "./define.js";

/**
 * `description`: What the value means.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.1
 */
export const description = dataKeyword("description", "meta-data", "any", asString, { annotation: true });
