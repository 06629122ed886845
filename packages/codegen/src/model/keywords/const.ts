import { asJson, dataKeyword } from "./define.js";

/**
 * `const`: The value equals this JSON value.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.3
 */
export const constKeyword = dataKeyword("const", "validation", "any", asJson);
