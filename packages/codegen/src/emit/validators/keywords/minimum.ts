import { code } from "../code.js";
import { bound } from "./bounds.js";
import { defineKeyword } from "./keyword.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.4 */
export const minimum = defineKeyword({ keyword: "minimum", applies: "number", walk: bound("minimum", (n) => code`v < ${n}`, ">=") });
