import { code } from "../code.js";
import { bound } from "./bounds.js";
import { defineKeyword } from "./keyword.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.3 */
export const exclusiveMaximum = defineKeyword({ keyword: "exclusiveMaximum", applies: "number", walk: bound("exclusiveMaximum", (n) => code`v >= ${n}`, "<") });
