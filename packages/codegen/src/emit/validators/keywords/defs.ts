import { defineKeyword } from "./keyword.js";

/** Definitions: walked and checked only where a `$ref` leads. @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.4 */
export const defs = defineKeyword({ keyword: "$defs", subschemas: { $defs: "map" }, definitions: true, walk: () => [] });
