import type { MatcherState, MatcherResult } from "vitest";
import { check, errorLines, mismatchMessage, type Contract } from "./contract.js";

/**
 * `toMatchContract(contract)`: passes when the received value matches the entity or view (or,
 * for `["X"]`, is an array of it). A failure lists every error, `path: message` one per line,
 * each with the offending value. `.not`, `expect.soft` and the asymmetric form
 * (`expect.toMatchContract("X")` inside `toEqual` / `objectContaining`) come from vitest's
 * `expect.extend`, which derives them from this one function.
 */
function toMatchContract(this: MatcherState, received: unknown, contract: Contract): MatcherResult {
  const { label, errors } = check("toMatchContract", received, contract);
  const pass = errors.length === 0;
  return {
    pass,
    message: () => (pass ? `expected value not to match ${label}, but it does` : mismatchMessage("value", label, errorLines(errors))),
  };
}

/** `expect.extend(contractMatchers)` (in a vitest setup file, or at the top of a test file). */
export const contractMatchers = { toMatchContract };

interface ContractMatchers<R = unknown> {
  /**
   * The value matches the contract `contract`: an entity or view name from `@contracts/validators`
   * (`"ConnectorWithStatus"`, `"ConnectorWithStatusInput"`), or `["Name"]` for an array of it.
   */
  toMatchContract(contract: Contract): R;
}

declare module "vitest" {
  // Vitest's documented way to type a custom matcher: `Matchers` reaches `expect(x).*`,
  // `expect.*` (asymmetric) and `expect.soft(x).*`; `expect.not.*` reads AsymmetricMatchersContaining.
  interface Matchers<T = any> extends ContractMatchers<T> {}
  interface AsymmetricMatchersContaining extends ContractMatchers<any> {}
}
