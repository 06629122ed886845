import { validators, type EntityName, type ValidationError, type Validator } from "@contracts/validators";

/**
 * A contract a value is checked against: an entity or view name from the `validators` registry
 * (`"ConnectorWithStatus"`, `"ConnectorWithStatusInput"`), or that name in a one-element tuple
 * for a JSON array of it (`["ConnectorWithStatus"]`, what a list endpoint returns).
 */
export type Contract = EntityName | readonly [EntityName];

/** The TypeScript type a contract describes: the entity, or an array of it. */
export type ContractType<C extends Contract> = C extends readonly [infer N extends EntityName] ? EntityType<N>[] : C extends EntityName ? EntityType<C> : never;

type EntityType<N extends EntityName> = (typeof validators)[N] extends Validator<infer T> ? T : never;

/** One error of a value against a contract, located from the value's root (a list's items as `/0/...`). */
export interface ContractError {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
}

/** The verdict on one value: its errors, `[]` when it matches. */
export interface ContractResult {
  /** How the contract reads in a message: `ConnectorWithStatus`, `a list of ConnectorWithStatus`. */
  readonly label: string;
  readonly errors: readonly ContractError[];
}

/** Thrown for a name the registry does not hold: a typo in a test, not a failing value. */
export class UnknownContractError extends TypeError {
  constructor(caller: string, contract: unknown) {
    const known = Object.keys(validators).join(", ");
    super(`${caller}: ${JSON.stringify(contract)} is not a contract; expected one of ${known} (or [Name] for a list of it)`);
    this.name = "UnknownContractError";
  }
}

function validatorOf(caller: string, name: unknown, contract: unknown): Validator<unknown> {
  if (typeof name !== "string" || !Object.hasOwn(validators, name)) throw new UnknownContractError(caller, contract);
  return validators[name as EntityName] as Validator<unknown>;
}

/** The entity name inside a contract (`"X"` for both `"X"` and `["X"]`), checked against the registry. */
export function contractName(caller: string, contract: unknown): EntityName {
  const name = Array.isArray(contract) && contract.length === 1 ? (contract[0] as unknown) : contract;
  return validatorOf(caller, name, contract).name as EntityName;
}

/**
 * Checks `value` against `contract`: its errors, `[]` when it matches (for tests outside vitest).
 * Throws `UnknownContractError` for a name the registry does not hold.
 */
export function checkContract(value: unknown, contract: Contract): ContractResult {
  return check("checkContract", value, contract);
}

/** `checkContract`, with `caller` naming the API in the error thrown for an unknown name. */
export function check(caller: string, value: unknown, contract: unknown): ContractResult {
  const list = Array.isArray(contract);
  const validator = validatorOf(caller, list && contract.length === 1 ? (contract[0] as unknown) : contract, contract);
  if (!list) {
    const result = validator.validate(value);
    return { label: validator.name, errors: result.ok ? [] : result.errors };
  }
  const label = `a list of ${validator.name}`;
  if (!Array.isArray(value)) return { label, errors: [{ path: "", keyword: "type", message: `value must be array (got ${describe(value)})` }] };
  const errors: ContractError[] = [];
  value.forEach((item, index) => {
    if (validator.is(item)) return;
    for (const e of validator.errors(item)) errors.push(relocate(e, `/${index}`));
  });
  return { label, errors };
}

/** An item's error moved under its index: path `/0/enabled`, message `/0/enabled must be ...`. */
function relocate(error: ValidationError, prefix: string): ContractError {
  return { path: prefix + error.path, keyword: error.keyword, message: `${prefix + error.path} ${requirement(error)}` };
}

/**
 * The message without the location it starts with. The validators word every message as
 * `<where> <requirement>`, where `<where>` is the pointer, or `value` for the root (very long
 * pointers are shortened there, and then the whole message is kept).
 */
function requirement(error: { readonly path: string; readonly message: string }): string {
  const where = error.path === "" ? "value " : `${error.path} `;
  return error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
}

/**
 * The lines a failure shows, one per error: `path: requirement (got value)`, the root written
 * `(root)`, e.g. `/enabled: must be boolean (got "yes")`.
 */
export function errorLines(errors: readonly ContractError[]): string[] {
  return errors.map((e) => `${e.path === "" ? "(root)" : e.path}: ${requirement(e)}`);
}

/** A received value in a message, as short as the validators show one. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === "object") return "an object";
  return typeof value === "undefined" ? "undefined" : String(value);
}

/** The failure text of `toMatchContract` and `assertResponseMatches`: a headline, then one error a line. */
export function mismatchMessage(subject: string, label: string, lines: readonly string[]): string {
  const count = lines.length === 1 ? "1 error" : `${lines.length} errors`;
  return `expected ${subject} to match ${label}; ${count}:\n${lines.map((line) => `  ${line}`).join("\n")}`;
}
