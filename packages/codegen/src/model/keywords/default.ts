import { asJson, dataKeyword } from "./define.js";

/**
 * `default`: The value a consumer may assume when it is absent.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.2
 */
export const defaultKeyword = dataKeyword("default", "meta-data", "any", asJson, { annotation: true });
