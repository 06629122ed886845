/**
 * The checks TypeBox cannot express, handed to the TypeBox-compiled code as `~refine`
 * refinements (its `External` values): Ajv-exact formats (TypeBox's own `date-time`/`uri` disagree
 * with Ajv), JSON objects only (TypeBox's `in` + own-name count accepts an inherited required
 * property), JSON data inside open records and `{}`.
 */
import { isDate, isDateTime, isEmail, isTime, isUri, isUuid } from "./formats.js";
import { isJsonValue, isPlainObject } from "./json.js";

/** TypeBox's refinement shape (`~refine` entries): `check` runs in the compiled code. */
export interface Refinement {
  readonly check: (value: unknown) => boolean;
  readonly error: (value: unknown) => string;
}

function refinement(check: (value: unknown) => boolean, error: string): Refinement {
  return { check, error: () => error };
}

function isObjectNotArray(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringFormat(test: (s: string) => boolean, name: string): Refinement {
  // The node's `type` keyword decides non-strings, exactly like `format` does.
  return refinement((v) => typeof v !== "string" || test(v), `must be a ${name}`);
}

export const formats: Readonly<Record<string, Refinement>> = {
  "date-time": stringFormat(isDateTime, "date-time"),
  date: stringFormat(isDate, "date"),
  time: stringFormat(isTime, "time"),
  uri: stringFormat(isUri, "uri"),
  email: stringFormat(isEmail, "email"),
  uuid: stringFormat(isUuid, "uuid"),
};

/** Objects with declared properties: JSON objects only (no Date, class instance, inherited key). */
export const plainObject: Refinement = refinement((v) => !isObjectNotArray(v) || isPlainObject(v), "must be a plain JSON object");

/** Values a schema leaves unconstrained (`{}`, items-less arrays): JSON data. */
export const jsonValue: Refinement = refinement(isJsonValue, "must be JSON data");

/** Open records: a JSON object whose undeclared properties hold JSON data. */
export function jsonRecord(declared: readonly string[]): Refinement {
  if (declared.length === 0) return refinement((v) => !isObjectNotArray(v) || isJsonValue(v), "must be a JSON object");
  const known = new Set(declared);
  return refinement((v) => {
    if (!isObjectNotArray(v)) return true;
    if (!isPlainObject(v)) return false;
    for (const k in v) if (!known.has(k) && !isJsonValue(v[k])) return false;
    return true;
  }, "must be a JSON object");
}

/**
 * multipleOf as JSON Schema defines it, the quotient is an integer (TypeBox's own check allows a
 * 1e-10 tolerance, so 0.3 would be a multiple of 0.1; Ajv and the error walkers say it is not).
 */
export function multipleOf(divisor: number): Refinement {
  return refinement((v) => typeof v !== "number" || Number.isInteger(v / divisor), `must be a multiple of ${divisor}`);
}
