import { defineKeyword } from "./keyword.js";
import { unionWalk } from "./union.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3 */
export const oneOf = defineKeyword({ keyword: "oneOf", walk: (value, ctx) => unionWalk("oneOf", value, ctx) });
