import { code, name } from "../code.js";
import type { Json } from "../../../model/types.js";
import { formatType } from "../../../schema/formats.js";
import { defineKeyword } from "./keyword.js";

/** The formats with a faster, equal checker of their own in the runtime (formats.ts), with the example their message gives. */
const OWN_CHECKERS: Readonly<Record<string, [string, string]>> = {
  "date-time": ["isDateTime", 'an RFC 3339 date-time like "2024-01-31T12:00:00Z"'],
  date: ["isDate", 'an RFC 3339 date like "2024-01-31"'],
  time: ["isTime", 'an RFC 3339 time like "12:00:00Z"'],
  uri: ["isUri", 'an absolute URI like "https://example.com/path"'],
  email: ["isEmail", 'an email address like "name@example.com"'],
  uuid: ["isUuid", 'a UUID like "123e4567-e89b-12d3-a456-426614174000"'],
};

/** Whether the validators check a format (ajv-formats knows it); any other is an annotation, as JSON Schema says. */
export function isCheckedFormat(format: string): boolean {
  return formatType(format) !== undefined;
}

/**
 * Checked at run time with ajv-formats' verdicts (packages/validators/src/runtime/refine.ts),
 * never TypeBox's own checkers, which disagree with Ajv on `date-time` and `uri`.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-7
 */
export const format = defineKeyword({
  keyword: "format",
  applies: (value: Json) => (typeof value === "string" && isCheckedFormat(value) ? formatType(value) : undefined),
  check: {
    refine: (value, _, use) => (typeof value === "string" && isCheckedFormat(value) ? use(code`rt.formats[${value}]`) : undefined),
    drop: () => true,
  },
  walk: (value) => {
    if (typeof value !== "string" || !isCheckedFormat(value)) return [];
    const own = OWN_CHECKERS[value];
    if (own !== undefined) return [code`if (!rt.${name(own[0])}(v)) rt.fail(out, path, "format", ${`must be ${own[1]}`}, v);`];
    return [code`if (!rt.formats[${value}].check(v)) rt.fail(out, path, "format", ${`must be a valid ${value}`}, v);`];
  },
});
