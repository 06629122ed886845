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
      else fail(out, [...path, ...problem.path], "maxDepth", problem.message, problem.value);
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
      // A recursive schema's depth bound may have reported the same place already.
      const pointer = toPointer(at);
      if (!out.some((i) => i.keyword === "maxDepth" && toPointer(i.path) === pointer)) fail(out, at, "type", problem.message, problem.value);
    },
  };
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
  const issues = (value: unknown): Issue[] => {
    const found = collect(walker, value);
    // The walker and the check are proven to agree on JSON data; anything else still gets a reason.
    return found.length > 0 ? found : [{ path: [], keyword: "type", message: "value is not valid JSON data for this schema" }];
  };
  const validate = (value: unknown): ValidationResult<T> => (is(value) ? { ok: true, value } : { ok: false, errors: issues(value).map(toError) });
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
    errors: (value: unknown) => collect(walker, value).map(toError),
    get jsonOnly() {
      return jsonOnly();
    },
    "~standard": {
      version: 1,
      vendor: "contracts",
      validate: (value: unknown): StandardSchemaV1.Result<T> =>
        is(value) ? { value } : { issues: issues(value).map((i) => ({ message: i.message, path: i.path })) },
      jsonSchema,
    },
  };
}

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
