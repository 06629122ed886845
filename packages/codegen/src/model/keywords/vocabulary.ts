import { asJson, dataKeyword } from "./define.js";

/**
 * `$vocabulary`: The vocabularies a meta-schema uses (meta-schemas only).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.1.2
 */
export const $vocabulary = dataKeyword("$vocabulary", "core", "any", asJson, { annotation: true });
