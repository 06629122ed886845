// Contract tests for a service that uses the contracts: vitest matchers, a fetch-response
// assertion and a whole-service check from its OpenAPI document, all judged by
// @contracts/validators and driven by @contracts/fixtures.
export { checkContract, errorLines, UnknownContractError, type Contract, type ContractError, type ContractResult, type ContractType } from "./contract.js";
export { contractMatchers } from "./matchers.js";
export { assertResponseMatches, ResponseMismatchError, type ResponseExpectation } from "./response.js";
export {
  verifyService,
  type CaseReport,
  type OpenApiDocument,
  type OperationReport,
  type VerifyCase,
  type VerifyOptions,
  type VerifyReport,
} from "./verify.js";
