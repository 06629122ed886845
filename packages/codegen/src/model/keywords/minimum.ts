import { leavesAValue } from "./checks.js";
import { NUMBER, asNumber, dataKeyword } from "./define.js";

/**
 * `minimum`: The number is at least this.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.4
 */
export const minimum = dataKeyword("minimum", "validation", NUMBER, asNumber, {
  check: leavesAValue("minimum", "number", [
    { name: "maximum", inclusive: true },
    { name: "exclusiveMaximum", inclusive: false },
  ]),
});
