import { OBJECT, asStrings, dataKeyword } from "./define.js";

/**
 * `required`: The object has each of these properties (its own).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.3
 */
export const required = dataKeyword("required", "validation", OBJECT, asStrings);
