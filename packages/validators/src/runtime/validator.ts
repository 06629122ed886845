import { ContractValidationError, type ValidationError, type ValidationResult } from "./errors.js";
import { collect, fail, toPointer, type Issue, type Walker } from "./issues.js";
import { jsonSchemaConverter } from "./json-schema.js";
import { depthProblem, isJsonValue, jsonProblem } from "./json.js";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "./standard.js";

/** Standard Schema v1 and Standard JSON Schema v1 in one `~standard` object. */
export interface StandardProps<T> extends StandardSchemaV1.Props<T>, StandardJSONSchemaV1.Props<T> {}

/** Everything one entity offers generic callers (the `validators` registry holds these). */
export interface Validator<T> {
  readonly name: string;
  /** The entity's JSON Schema, as written. */
  readonly schema: unknown;
  is(value: unknown): value is T;
  assert(value: unknown): asserts value is T;
  parse(value: unknown): T;
  validate(value: unknown): ValidationResult<T>;
  /** Every error in the value (`[]` when it is valid), without the compiled fast path. */
  errors(value: unknown): readonly ValidationError[];
  /**
   * The same validator in "JSON data only" mode: on top of the schema, the whole value must be
   * JSON data (finite numbers, plain objects of any realm, no functions, symbols, bigints,
   * `undefined`, Dates, class instances or cycles, at most MAX_DEPTH levels), also inside `{}` and
   * open records, which the schema (and the default mode, like Ajv) leaves unread. For in-process
   * values that are about to be sent as JSON; a body from JSON.parse is JSON data already.
   */
  readonly jsonOnly: Validator<T>;
  /** Standard Schema v1 (`validate`) and Standard JSON Schema v1 (`jsonSchema`), vendor "contracts". */
  readonly "~standard": StandardProps<T>;
}

function toError(issue: Issue): ValidationError {
  return { path: issue.pointer ?? toPointer(issue.path), message: issue.message, keyword: issue.keyword };
}

export interface ValidatorOptions {
  /**
   * For schemas that refer to themselves: objects and arrays may nest at most this deep, checked
   * (iteratively) before the recursive check and walker run, so no value can exhaust the stack.
   */
  readonly maxDepth?: number;
  /** The schema with every definition it reaches under `$defs` (what `~standard.jsonSchema` converts); the schema itself by default. */
  readonly bundled?: Record<string, unknown>;
}

interface Mode {
  readonly check: (value: unknown) => boolean;
  readonly walker: Walker;
}

/** The schema's own verdict: the compiled check, after the depth bound of a recursive schema. */
function schemaMode(compiled: (value: unknown) => boolean, errorsRoot: Walker, maxDepth: number | undefined): Mode {
  if (maxDepth === undefined) return { check: compiled, walker: errorsRoot };
  return {
    check: (value) => depthProblem(value, maxDepth) === undefined && compiled(value),
    walker: (v, path, out) => {
      const problem = depthProblem(v, maxDepth);
      if (problem === undefined) errorsRoot(v, path, out);
      else fail(out, [...path, ...problem.path], problem.keyword ?? "maxDepth", problem.message, problem.value);
    },
  };
}

/** The schema's verdict, then the JSON-data scan (so a cheap schema failure never pays for it). */
function jsonOnlyMode(schema: Mode): Mode {
  return {
    check: (value) => schema.check(value) && isJsonValue(value),
    walker: (v, path, out) => {
      schema.walker(v, path, out);
      const problem = jsonProblem(v);
      if (problem === undefined) return;
      const at = [...path, ...problem.path];
      // A recursive schema's depth bound, or the key budget, may have reported the same place already.
      const pointer = toPointer(at);
      if (!out.some((i) => (i.keyword === "maxDepth" || i.keyword === "maxKeys") && toPointer(i.path) === pointer))
        fail(out, at, problem.keyword ?? "type", problem.message, problem.value);
    },
  };
}

/**
 * The four values whose verdict and errors are the same on every call (their shown form is
 * constant: `null`, `undefined`, `false`, `true`), as slots of one array; other values are judged
 * each time.
 */
function constantSlot(value: unknown): number {
  return value === null ? 0 : value === undefined ? 1 : value === false ? 2 : value === true ? 3 : -1;
}

/**
 * A constant value's verdict and results, made once and frozen (deeply): shared by every call,
 * and no caller can change what the next call returns.
 */
interface Known<T> {
  readonly valid: boolean;
  readonly issues: readonly Issue[];
  readonly result: ValidationResult<T>;
  readonly errors: readonly ValidationError[];
  readonly standard: StandardSchemaV1.Result<T>;
}

const frozen = <X extends object>(items: readonly X[]): readonly X[] => Object.freeze(items.map((i) => Object.freeze(i)));

function toKnown<T>(value: T, valid: boolean, found: readonly Issue[]): Known<T> {
  const issues = frozen(found.map((i) => ({ ...i, path: Object.freeze(i.path.slice()) })));
  const errors = frozen(issues.map(toError));
  return Object.freeze({
    valid,
    issues,
    errors,
    result: Object.freeze(valid ? { ok: true as const, value } : { ok: false as const, errors }),
    standard: Object.freeze(valid ? { value } : { issues: frozen(issues.map((i) => ({ message: i.message, path: i.path }))) }),
  });
}

function build<T>(name: string, schema: unknown, mode: Mode, jsonSchema: StandardJSONSchemaV1.Converter, jsonOnly: () => Validator<T>): Validator<T> {
  const { check, walker } = mode;
  const is = (value: unknown): value is T => {
    try {
      return check(value) === true;
    } catch {
      // A throwing getter, a revoked proxy, a stack overflow: never accepted, never rethrown.
      return false;
    }
  };
  /** What the walker finds, and the reason of last resort (the two are proven to agree on JSON data). */
  const reasons = (value: unknown): readonly Issue[] => {
    const found = collect(walker, value);
    return found.length > 0 ? found : NO_REASON;
  };
  // `null` is the commonest wrong body. Judged, walked and reported afresh each time, it cost
  // several times Ajv's one error object; so each constant value is judged once per validator,
  // on first use (not at definition: a walker may call another module's walkers, which are not
  // initialised yet while the modules load), and its results are shared, frozen.
  const known: (Known<T> | undefined)[] = [undefined, undefined, undefined, undefined];
  const constant = (slot: number, value: unknown): Known<T> =>
    (known[slot] ??= is(value) ? toKnown(value, true, []) : toKnown(value as T, false, reasons(value)));
  const issues = (value: unknown): readonly Issue[] => {
    const slot = constantSlot(value);
    return slot < 0 ? reasons(value) : constant(slot, value).issues;
  };
  const validate = (value: unknown): ValidationResult<T> => {
    const slot = constantSlot(value);
    if (slot >= 0) return constant(slot, value).result;
    return is(value) ? { ok: true, value } : { ok: false, errors: reasons(value).map(toError) };
  };
  function assert(value: unknown): asserts value is T {
    if (!is(value)) throw new ContractValidationError(name, issues(value).map(toError));
  }
  return {
    name,
    schema,
    is,
    assert,
    parse(value: unknown): T {
      assert(value);
      return value;
    },
    validate,
    errors: (value: unknown) => {
      const slot = constantSlot(value);
      if (slot < 0) return collect(walker, value).map(toError);
      const k = constant(slot, value);
      return k.valid ? [] : k.errors;
    },
    get jsonOnly() {
      return jsonOnly();
    },
    "~standard": {
      version: 1,
      vendor: "contracts",
      validate: (value: unknown): StandardSchemaV1.Result<T> => {
        const slot = constantSlot(value);
        if (slot >= 0) return constant(slot, value).standard;
        return is(value) ? { value } : { issues: reasons(value).map((i) => ({ message: i.message, path: i.path })) };
      },
      jsonSchema,
    },
  };
}

const NO_REASON: readonly Issue[] = Object.freeze([
  Object.freeze({ path: Object.freeze([]), keyword: "type", message: "value is not valid JSON data for this schema" }),
]);

/**
 * Builds an entity's validator from its compiled check (TypeBox, ahead of time) and its generated
 * error walker, which runs only once the check has rejected the value; and its `jsonOnly` twin.
 */
export function defineValidator<T>(
  name: string,
  schema: unknown,
  compiled: (value: unknown) => boolean,
  errorsRoot: Walker,
  options: ValidatorOptions = {},
): Validator<T> {
  const jsonSchema = jsonSchemaConverter(options.bundled ?? (schema as Record<string, unknown>));
  const base = schemaMode(compiled, errorsRoot, options.maxDepth);
  const strict: Validator<T> = build(name, schema, jsonOnlyMode(base), jsonSchema, () => strict);
  return build(name, schema, base, jsonSchema, () => strict);
}
