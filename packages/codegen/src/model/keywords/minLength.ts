import { leavesAValue } from "./checks.js";
import { STRING, asNumber, dataKeyword } from "./define.js";

/**
 * `minLength`: The string has at least this many code points.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.2
 */
export const minLength = dataKeyword("minLength", "validation", STRING, asNumber, {
  check: leavesAValue("minLength", "string", [{ name: "maxLength", inclusive: true }]),
});
