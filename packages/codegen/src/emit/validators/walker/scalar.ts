import { code, join, name, type Code } from "../code.js";
import { types } from "../schema.js";
import { guarded, type KeywordGroup } from "./context.js";

/** The check of each JSON type, as TypeBox compiles it (so the walker agrees with the check). */
const TYPE_CHECKS: Readonly<Record<string, Code>> = {
  string: code`typeof v === "string"`,
  number: code`Number.isFinite(v)`,
  integer: code`Number.isInteger(v)`,
  boolean: code`typeof v === "boolean"`,
  null: code`v === null`,
  object: code`(typeof v === "object" && v !== null && !Array.isArray(v))`,
  array: code`Array.isArray(v)`,
};

/** The test of a node's `type` keyword on `v` (one of its types). */
export function typeTest(list: readonly string[]): Code {
  return join(
    list.map((t) => TYPE_CHECKS[t] ?? code`false`),
    " || ",
  );
}

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.1 */
export const typeKeyword: KeywordGroup = (s) => {
  const list = types(s);
  if (list.length === 0) return [];
  return [code`if (!(${typeTest(list)})) return rt.typeError(out, path, ${list.join(" or ")}, v);`];
};

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2 */
export const enumKeyword: KeywordGroup = (s) => {
  const values = s["enum"];
  if (!Array.isArray(values)) return [];
  const shown = values.map((x) => JSON.stringify(x)).join(", ");
  const tests = values.map((x) => code`v === ${x as string | number | boolean | null}`);
  return [code`if (!(${join(tests, " || ")})) rt.fail(out, path, "enum", ${`must be one of ${shown}`}, v);`];
};

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.3 */
export const constKeyword: KeywordGroup = (s) => {
  if (!("const" in s)) return [];
  const value = s["const"] as string | number | boolean | null;
  return [code`if (v !== ${value}) rt.fail(out, path, "const", ${`must be ${JSON.stringify(value)}`}, v);`];
};

const FORMATS: Readonly<Record<string, [string, string]>> = {
  "date-time": ["isDateTime", 'an RFC 3339 date-time like "2024-01-31T12:00:00Z"'],
  date: ["isDate", 'an RFC 3339 date like "2024-01-31"'],
  time: ["isTime", 'an RFC 3339 time like "12:00:00Z"'],
  uri: ["isUri", 'an absolute URI like "https://example.com/path"'],
  email: ["isEmail", 'an email address like "name@example.com"'],
  uuid: ["isUuid", 'a UUID like "123e4567-e89b-12d3-a456-426614174000"'],
};

export function formatChecker(format: string): [string, string] | undefined {
  return FORMATS[format];
}

/** minLength, maxLength (in code points, like Ajv and TypeBox), pattern (`u` flag), format. */
export const stringKeywords: KeywordGroup = (s) => {
  const body: Code[] = [];
  const min = s["minLength"];
  const max = s["maxLength"];
  const pattern = s["pattern"];
  const format = s["format"];
  if (typeof min === "number") body.push(code`if (rt.codePoints(v) < ${min}) rt.fail(out, path, "minLength", ${`must have at least ${min} characters`}, v);`);
  if (typeof max === "number") body.push(code`if (rt.codePoints(v) > ${max}) rt.fail(out, path, "maxLength", ${`must have at most ${max} characters`}, v);`);
  if (typeof pattern === "string")
    body.push(code`if (!new RegExp(${pattern}, "u").test(v)) rt.fail(out, path, "pattern", ${`must match the pattern ${pattern}`}, v);`);
  // A format with no checker passed validation only as an annotation ("unknown-formats" relaxed): not checked.
  if (typeof format === "string" && FORMATS[format] !== undefined) {
    const [fn, example] = FORMATS[format];
    body.push(code`if (!rt.${name(fn)}(v)) rt.fail(out, path, "format", ${`must be ${example}`}, v);`);
  }
  return body.length === 0 ? [] : [guarded(s, "string", code`typeof v === "string"`, body)];
};

/** minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf. */
export const numberKeywords: KeywordGroup = (s) => {
  const body: Code[] = [];
  const bound = (keyword: string, fails: (n: number) => Code, words: string): void => {
    const n = s[keyword];
    if (typeof n === "number") body.push(code`if (${fails(n)}) rt.fail(out, path, ${keyword}, ${`must be ${words} ${n}`}, v);`);
  };
  bound("minimum", (n) => code`v < ${n}`, ">=");
  bound("maximum", (n) => code`v > ${n}`, "<=");
  bound("exclusiveMinimum", (n) => code`v <= ${n}`, ">");
  bound("exclusiveMaximum", (n) => code`v >= ${n}`, "<");
  bound("multipleOf", (n) => code`!Number.isInteger(v / ${n})`, "a multiple of");
  return body.length === 0 ? [] : [guarded(s, "number", code`typeof v === "number"`, body)];
};
