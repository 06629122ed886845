import { defineKeyword } from "./keyword.js";
import { unionWalk } from "./union.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.2 */
export const anyOf = defineKeyword({ keyword: "anyOf", walk: (value, ctx) => unionWalk("anyOf", value, ctx) });
