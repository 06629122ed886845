import { noProtoKey } from "./checks.js";
import { schemaKeyword } from "./define.js";

/**
 * `$defs`: Reusable schemas, at any depth; referenced by `$ref`. Its rule: no definition is named
 * `__proto__` (see `noProtoKey`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.4
 */
export const $defs = schemaKeyword("$defs", "core", "map", "any", { annotation: true, check: noProtoKey("$defs", "definition") });
