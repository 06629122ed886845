import { joinPointer } from "../../load/pointer.js";
import { STRING, asString, dataKeyword } from "./define.js";

/**
 * `pattern`: The string matches this ECMA-262 regular expression (Unicode, unanchored). Its rule:
 * it compiles with the `u` flag, as validators and fixtures compile it; the meta-schema's `regex`
 * check does not, and lets through e.g. `\_`, an error under `u`.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
export const pattern = dataKeyword("pattern", "validation", STRING, asString, {
  check(value, { pointer, report }) {
    if (typeof value !== "string") return;
    const problem = patternError(value);
    if (problem === undefined) return;
    report(
      joinPointer(pointer, "pattern"),
      `pattern ${JSON.stringify(value)} is not a valid regular expression with the "u" (Unicode) flag: ${problem}`,
      'escape only characters that need it (write "_", not "\\\\_"): validators and fixtures compile patterns with the "u" flag, as JSON Schema specifies',
    );
  },
});

function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /^\_x$/u: Invalid escape" → "invalid escape"
    const reason = String((error as Error).message).replace(/^.*: /, "");
    return reason.charAt(0).toLowerCase() + reason.slice(1);
  }
}
