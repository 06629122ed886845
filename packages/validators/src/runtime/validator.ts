import { ContractValidationError, type ValidationError, type ValidationResult } from "./errors.js";
import { collect, fail, toPointer, type Issue, type Walker } from "./issues.js";
import { depthProblem } from "./json.js";
import type { StandardSchemaV1 } from "./standard.js";

/** Everything one entity offers generic callers (the `validators` registry holds these). */
export interface Validator<T> extends StandardSchemaV1<T> {
  readonly name: string;
  /** The entity's JSON Schema, as written. */
  readonly schema: unknown;
  is(value: unknown): value is T;
  assert(value: unknown): asserts value is T;
  parse(value: unknown): T;
  validate(value: unknown): ValidationResult<T>;
  /** Every error in the value (`[]` when it is valid), without the compiled fast path. */
  errors(value: unknown): readonly ValidationError[];
}

function toError(issue: Issue): ValidationError {
  return { path: toPointer(issue.path), message: issue.message, keyword: issue.keyword };
}

export interface ValidatorOptions {
  /**
   * For schemas that refer to themselves: objects and arrays may nest at most this deep, checked
   * (iteratively) before the recursive check and walker run, so no value can exhaust the stack.
   */
  readonly maxDepth?: number;
}

/**
 * Builds an entity's validator from its compiled check (TypeBox, ahead of time) and its generated
 * error walker, which runs only once the check has rejected the value.
 */
export function defineValidator<T>(
  name: string,
  schema: unknown,
  compiled: (value: unknown) => boolean,
  errorsRoot: Walker,
  options: ValidatorOptions = {},
): Validator<T> {
  const { maxDepth } = options;
  const check = maxDepth === undefined ? compiled : (value: unknown) => depthProblem(value, maxDepth) === undefined && compiled(value);
  const walker: Walker =
    maxDepth === undefined
      ? errorsRoot
      : (v, path, out) => {
          const problem = depthProblem(v, maxDepth);
          if (problem === undefined) errorsRoot(v, path, out);
          else fail(out, [...path, ...problem.path], "maxDepth", problem.message, problem.value);
        };
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
    "~standard": {
      version: 1,
      vendor: "contracts",
      validate: (value: unknown): StandardSchemaV1.Result<T> =>
        is(value) ? { value } : { issues: issues(value).map((i) => ({ message: i.message, path: i.path })) },
    },
  };
}
