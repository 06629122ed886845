import { code } from "../code.js";
import { bound } from "./bounds.js";
import { defineKeyword } from "./keyword.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.2 */
export const maximum = defineKeyword({ keyword: "maximum", applies: "number", walk: bound("maximum", (n) => code`v > ${n}`, "<=") });
