import { asBoolean, dataKeyword } from "./define.js";

/**
 * `deprecated`: With `true`, the value should no longer be used.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.3
 */
export const deprecated = dataKeyword("deprecated", "meta-data", "any", asBoolean, { annotation: true });
