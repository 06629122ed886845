import { asString, dataKeyword } from "./define.js";

/**
 * `$dynamicAnchor`: A fragment `$dynamicRef` can resolve to.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.2
 */
export const $dynamicAnchor = dataKeyword("$dynamicAnchor", "core", "any", asString, { annotation: true });
