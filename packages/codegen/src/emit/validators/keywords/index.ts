import type { Json } from "../../../model/types.js";
import { keywordSpec } from "../../../model/keywords/index.js";
import { subschemas as modelSubschemas } from "../../../model/subschemas.js";
import { isSchemaObject } from "../schema.js";
import { additionalProperties } from "./additionalProperties.js";
import { allOf } from "./allOf.js";
import { anyOf } from "./anyOf.js";
import { constKeyword } from "./const.js";
import { contains, maxContains, minContains } from "./contains.js";
import { dependentRequired } from "./dependentRequired.js";
import { dependentSchemas } from "./dependentSchemas.js";
import { enumKeyword } from "./enum.js";
import { exclusiveMaximum } from "./exclusiveMaximum.js";
import { exclusiveMinimum } from "./exclusiveMinimum.js";
import { format } from "./format.js";
import { elseKeyword, ifKeyword, thenKeyword } from "./if.js";
import { items } from "./items.js";
import type { Position, ValidatorKeyword } from "./keyword.js";
import { maximum } from "./maximum.js";
import { maxItems } from "./maxItems.js";
import { maxLength } from "./maxLength.js";
import { maxProperties } from "./maxProperties.js";
import { minimum } from "./minimum.js";
import { minItems } from "./minItems.js";
import { minLength } from "./minLength.js";
import { minProperties } from "./minProperties.js";
import { multipleOf } from "./multipleOf.js";
import { not } from "./not.js";
import { oneOf } from "./oneOf.js";
import { pattern } from "./pattern.js";
import { patternProperties } from "./patternProperties.js";
import { prefixItems } from "./prefixItems.js";
import { properties } from "./properties.js";
import { propertyNamesKeyword } from "./propertyNames.js";
import { ref } from "./ref.js";
import { required } from "./required.js";
import { type } from "./type.js";
import { unevaluatedItems } from "./unevaluatedItems.js";
import { unevaluatedProperties } from "./unevaluatedProperties.js";
import { uniqueItems } from "./uniqueItems.js";

/**
 * Every keyword the validators check, in the order a person wants errors: the reference and the
 * type first, then the parts of an object and of an array, the values, the string and number
 * bounds, the applicators, and last the unevaluated keywords, which read what all the others
 * evaluated. Consecutive keywords of one instance type share one type guard in the walker.
 */
export const KEYWORDS: readonly ValidatorKeyword[] = [
  ref,
  type,
  required,
  dependentRequired,
  minProperties,
  maxProperties,
  properties,
  patternProperties,
  additionalProperties,
  propertyNamesKeyword,
  dependentSchemas,
  minItems,
  maxItems,
  uniqueItems,
  prefixItems,
  items,
  contains,
  minContains,
  maxContains,
  enumKeyword,
  constKeyword,
  minLength,
  maxLength,
  pattern,
  format,
  minimum,
  maximum,
  exclusiveMinimum,
  exclusiveMaximum,
  multipleOf,
  allOf,
  anyOf,
  oneOf,
  not,
  ifKeyword,
  thenKeyword,
  elseKeyword,
  unevaluatedProperties,
  unevaluatedItems,
];

const BY_NAME: ReadonlyMap<string, ValidatorKeyword> = new Map(KEYWORDS.map((k) => [k.keyword, k]));

const POSITION_OF = { schema: "one", array: "list", map: "map" } as const;

/** What a keyword's value holds when it holds subschemas (the model's keyword registry says): one, a list or a map of them. */
export function positionOf(keyword: string): Position | undefined {
  const positions = keywordSpec(keyword)?.positions;
  return positions === undefined || positions === "none" ? undefined : POSITION_OF[positions];
}

export function validatorKeyword(keyword: string): ValidatorKeyword | undefined {
  return BY_NAME.get(keyword);
}

/**
 * The subschemas of a node with their pointers, from the model's one subschema walker: those the
 * walkers apply to the value (`applied`: keywords with a walker here, `then`/`else` only beside an
 * `if`), or all of them (`$defs`, which only a `$ref` reaches, too).
 */
export function subschemas(node: Json, pointer: string, which: "applied" | "all"): [string, Json][] {
  const all = modelSubschemas(node, pointer);
  const applied =
    which === "all"
      ? all
      : all.filter(
          (sub) =>
            BY_NAME.has(sub.keyword) &&
            sub.keyword !== "$defs" &&
            ((sub.keyword !== "then" && sub.keyword !== "else") || (isSchemaObject(node) && "if" in node)),
        );
  return applied.map((sub) => [sub.pointer, sub.schema]);
}
