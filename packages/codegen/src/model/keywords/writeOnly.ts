import { asBoolean, dataKeyword } from "./define.js";

/**
 * `writeOnly`: With `true`, the value is sent but never returned.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.4
 */
export const writeOnly = dataKeyword("writeOnly", "meta-data", "any", asBoolean, { annotation: true });
