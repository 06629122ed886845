/**
 * Hand-written runtime shared by the generated validator modules (one copy, so
 * `ContractValidationError` is one class across entities and the format checkers are compiled
 * once). Generated code imports it; users get the public part through the package index.
 */
export { ContractValidationError, type ValidationError, type ValidationResult } from "./errors.js";
export { defineValidator, type StandardProps, type Validator, type ValidatorOptions } from "./validator.js";
export type { StandardJSONSchemaV1, StandardSchemaV1 } from "./standard.js";
export { isDate, isDateTime, isEmail, isTime, isUri, isUuid, MAX_FORMAT_LENGTH } from "./formats.js";
export { depthProblem, isJsonValue, isPlainObject, isPlainPrototype, isPolluted, jsonProblem, MAX_DEPTH, MAX_KEYS } from "./json.js";
export { closed, formats, isOwn, keyBudget, multipleOf, ownProperties, type Refinement } from "./refine.js";
export { contains, equal, passes, propertyNames, tagged } from "./applicators.js";
export {
  evaluated,
  isItemEvaluated,
  isPropEvaluated,
  markAllItems,
  markAllProps,
  markItem,
  markItems,
  markProp,
  mergeEvaluated,
  type Evaluated,
} from "./evaluated.js";
export {
  anyOf,
  codePoints,
  duplicates,
  fail,
  inherited,
  keysOf,
  MAX_ERRORS,
  missing,
  notAllowed,
  oneOf,
  typeError,
  unevaluatedItem,
  type Branch,
  type Issue,
  type Segment,
  type Walker,
} from "./issues.js";
