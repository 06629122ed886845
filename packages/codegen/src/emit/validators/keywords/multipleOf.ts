import { code } from "../code.js";
import { bound } from "./bounds.js";
import { defineKeyword } from "./keyword.js";

/**
 * The quotient is an integer, exactly (TypeBox's own check allows a 1e-10 tolerance, so 0.3 would
 * be a multiple of 0.1; Ajv says it is not): checked by the rt.multipleOf refinement instead.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.1
 */
export const multipleOf = defineKeyword({
  keyword: "multipleOf",
  applies: "number",
  check: {
    refine: (value, _, use) => (typeof value === "number" ? use(code`rt.multipleOf(${value})`) : undefined),
    drop: () => true,
  },
  walk: bound("multipleOf", (n) => code`!Number.isInteger(v / ${n})`, "a multiple of"),
});
