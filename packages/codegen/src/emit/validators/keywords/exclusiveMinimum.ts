import { code } from "../code.js";
import { bound } from "./bounds.js";
import { defineKeyword } from "./keyword.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.5 */
export const exclusiveMinimum = defineKeyword({ keyword: "exclusiveMinimum", applies: "number", walk: bound("exclusiveMinimum", (n) => code`v <= ${n}`, ">") });
