import { asBoolean, dataKeyword } from "./define.js";

/**
 * `readOnly`: With `true`, the server assigns the value (absent from request bodies).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.4
 */
export const readOnly = dataKeyword("readOnly", "meta-data", "any", asBoolean, { annotation: true });
