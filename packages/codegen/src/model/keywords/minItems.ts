import { leavesAValue } from "./checks.js";
import { ARRAY, asNumber, dataKeyword } from "./define.js";

/**
 * `minItems`: The array has at least this many items.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.2
 */
export const minItems = dataKeyword("minItems", "validation", ARRAY, asNumber, {
  check: leavesAValue("minItems", "array", [{ name: "maxItems", inclusive: true }]),
});
