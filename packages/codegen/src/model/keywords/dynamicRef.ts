import { asString, dataKeyword } from "./define.js";

/**
 * `$dynamicRef`: A reference resolved against the dynamic scope.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.2
 */
export const $dynamicRef = dataKeyword("$dynamicRef", "core", "any", asString);
