/** The error types every entity's validator shares, so `instanceof` works across entities. */

export interface ValidationError {
  /** JSON pointer into the value: `""` for the root, `/server/status`. */
  readonly path: string;
  /** `<path> <requirement> (got <value>)`, ready to show a person. */
  readonly message: string;
  /** The JSON Schema keyword that failed: `type`, `required`, `enum`, `format`, ... */
  readonly keyword: string;
}

export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Thrown by `assertX` / `parseX`; carries every error found. */
export class ContractValidationError extends Error {
  readonly entity: string;
  readonly errors: readonly ValidationError[];
  constructor(entity: string, errors: readonly ValidationError[]) {
    super(`${entity} is invalid:\n${errors.map((e) => `  - ${e.message}`).join("\n")}`);
    this.name = "ContractValidationError";
    this.entity = entity;
    this.errors = errors;
  }
}
