/**
 * The checks TypeBox cannot express, handed to the TypeBox-compiled code as `~refine`
 * refinements (its `External` values): Ajv-exact formats (TypeBox's own `date-time`/`uri` disagree
 * with Ajv), required properties as own properties (TypeBox's `in` + own-name count accepts an
 * inherited required property next to an own unknown key).
 */
import { fullFormats, type FormatName } from "ajv-formats/dist/formats.js";
import { isDate, isDateTime, isEmail, isTime, isUri, isUuid, MAX_FORMAT_LENGTH } from "./formats.js";
import { isPolluted, overKeyBudget, TOO_MANY_KEYS } from "./json.js";

const OBJECT_PROTOTYPE = Object.prototype;

/** TypeBox's refinement shape (`~refine` entries): `check` runs in the compiled code. */
export interface Refinement {
  readonly check: (value: unknown) => boolean;
  readonly error: (value: unknown) => string;
}

function refinement(check: (value: unknown) => boolean, error: string): Refinement {
  return { check, error: () => error };
}

function stringFormat(test: (s: string) => boolean, name: string): Refinement {
  // The node's `type` keyword decides non-strings, exactly like `format` does.
  return refinement((v) => typeof v !== "string" || test(v), `must be a ${name}`);
}

type AjvFormat = RegExp | ((s: string) => boolean) | boolean | { readonly type?: string; readonly validate: RegExp | ((v: never) => boolean) };

/** An ajv-formats checker as a refinement: its own function or expression, on its own type only. */
function ajvFormat(name: string, format: AjvFormat): Refinement {
  if (typeof format === "boolean") return refinement(() => true, `must be a ${name}`);
  const spec = format instanceof RegExp || typeof format === "function" ? { validate: format } : format;
  const test = spec.validate instanceof RegExp ? (s: string) => (spec.validate as RegExp).test(s) : (spec.validate as (v: unknown) => boolean);
  if ("type" in spec && spec.type === "number") return refinement((v) => typeof v !== "number" || test(v as never), `must be a ${name}`);
  // ajv throws RangeError past this length on its worst expressions; every format fails there instead.
  return refinement((v) => typeof v !== "string" || (v.length <= MAX_FORMAT_LENGTH && test(v)), `must be a ${name}`);
}

/**
 * Every format ajv-formats knows ("full" mode), each with its verdicts; the six every contract uses
 * most through the faster, equal checkers of formats.ts. A format outside this table is an
 * annotation, as JSON Schema says (validation can refuse it through the "unknown-formats" rule).
 */
export const formats: Readonly<Record<FormatName, Refinement>> = {
  // Typed by name, so the generated walkers' `rt.formats["ipv4"]` type-checks under
  // `noUncheckedIndexedAccess` (the generator only names formats ajv-formats knows).
  ...(Object.fromEntries(Object.entries(fullFormats as Record<string, AjvFormat>).map(([name, format]) => [name, ajvFormat(name, format)])) as Record<
    FormatName,
    Refinement
  >),
  "date-time": stringFormat(isDateTime, "date-time"),
  date: stringFormat(isDate, "date"),
  time: stringFormat(isTime, "time"),
  uri: stringFormat(isUri, "uri"),
  email: stringFormat(isEmail, "email"),
  uuid: stringFormat(isUuid, "uuid"),
};

/**
 * Objects with required properties: those must be the object's own, as JSON.stringify and `{...v}`
 * see it (TypeBox checks `required` with `in`, which an inherited property passes, and its
 * additionalProperties count of own names then lets an own unknown key take the inherited one's
 * place). A plain object of this realm inherits only from `Object.prototype`, so the own test is
 * needed for a required name that lives there: a built-in one (`toString`), or one someone else
 * set (`Object.prototype.server = ...`, prototype pollution, which makes `"server" in {}` true
 * everywhere). Such an assignment is enumerable, so one `for...in` over `Object.prototype` (about
 * 9 ns; it has no enumerable property of its own) tells whether to ask; `Object.hasOwn` on every
 * name of every object instead made the canonical check half as slow again, and `k in
 * Object.prototype` per name cost more still (a dictionary-mode object). Other prototypes
 * (another realm's, class instances) ask for every name.
 */
export function ownProperties(required: readonly string[]): Refinement {
  const keys = [...required];
  const builtIn = keys.filter((k) => k in OBJECT_PROTOTYPE);
  return refinement((v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return true;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === null) return true;
    const names = proto !== OBJECT_PROTOTYPE || isPolluted() ? keys : builtIn;
    for (let i = 0; i < names.length; i++) if (!HAS_OWN.call(v, names[i] as string)) return false;
    return true;
  }, "must have its required properties as own properties");
}

const HAS_OWN = OBJECT_PROTOTYPE.hasOwnProperty;

/** `Object.hasOwn`, for the generated closed-object tests (an inherited enumerable key is not the object's). */
export function isOwn(v: object, key: string): boolean {
  return HAS_OWN.call(v, key);
}

/**
 * `additionalProperties: false` where every property is required: `test(v)` (generated, one
 * `for...in` with the declared names inline) is false at the first own enumerable key that is not
 * declared. Replaces TypeBox's count of `Object.getOwnPropertyNames`, which makes V8 list every
 * key, enumerable or not, at about 3x the cost of `for...in` on a large object. Non-enumerable
 * keys are not counted, as Ajv, `Object.keys` and JSON.stringify do not see them.
 */
export function closed(test: (v: object) => boolean): Refinement {
  return refinement((v) => typeof v !== "object" || v === null || Array.isArray(v) || test(v), "must not have unknown properties");
}

/**
 * multipleOf as JSON Schema defines it, the quotient is an integer (TypeBox's own check allows a
 * 1e-10 tolerance, so 0.3 would be a multiple of 0.1; Ajv and the error walkers say it is not).
 */
export function multipleOf(divisor: number): Refinement {
  return refinement((v) => typeof v !== "number" || Number.isInteger(v / divisor), `must be a multiple of ${divisor}`);
}

/**
 * The key budget (MAX_KEYS) in the check, on the objects whose keys it reads one by one (a typed
 * record, `patternProperties`, `propertyNames`, `unevaluatedProperties`), so every entry point
 * rejects what the walkers report. A closed object needs none: past its own names' count it fails anyway.
 */
export const keyBudget: Refinement = refinement((v) => typeof v !== "object" || v === null || Array.isArray(v) || !overKeyBudget(v), TOO_MANY_KEYS);
