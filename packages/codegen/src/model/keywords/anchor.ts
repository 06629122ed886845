import { asString, dataKeyword } from "./define.js";

/**
 * `$anchor`: A plain-name fragment (`#name`) that identifies this subschema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.2
 */
export const $anchor = dataKeyword("$anchor", "core", "any", asString, { annotation: true });
