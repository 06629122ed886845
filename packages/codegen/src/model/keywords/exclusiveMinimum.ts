import { leavesAValue } from "./checks.js";
import { NUMBER, asNumber, dataKeyword } from "./define.js";

/**
 * `exclusiveMinimum`: The number is greater than this.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.5
 */
export const exclusiveMinimum = dataKeyword("exclusiveMinimum", "validation", NUMBER, asNumber, {
  check: leavesAValue("exclusiveMinimum", "number", [
    { name: "maximum", inclusive: false },
    { name: "exclusiveMaximum", inclusive: false },
  ]),
});
