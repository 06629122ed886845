import type { Json } from "../../../model/types.js";
import { joinPointer } from "../../../load/pointer.js";
import { isSchemaObject, type SchemaObject } from "../schema.js";
import { additionalProperties } from "./additionalProperties.js";
import { allOf } from "./allOf.js";
import { anyOf } from "./anyOf.js";
import { constKeyword } from "./const.js";
import { contains, maxContains, minContains } from "./contains.js";
import { defs } from "./defs.js";
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
  defs,
];

const BY_NAME: ReadonlyMap<string, ValidatorKeyword> = new Map(KEYWORDS.map((k) => [k.keyword, k]));

const POSITIONS: ReadonlyMap<string, Position> = new Map(KEYWORDS.flatMap((k) => Object.entries(k.subschemas ?? {})));

/** What a keyword's value holds when it holds subschemas: one, a list or a map of them. */
export function positionOf(keyword: string): Position | undefined {
  return POSITIONS.get(keyword);
}

export function validatorKeyword(keyword: string): ValidatorKeyword | undefined {
  return BY_NAME.get(keyword);
}

/**
 * The subschemas of a node with their pointers, in keyword order: those applied to the value
 * (`applied`), or also the definitions (`$defs`) that only a `$ref` reaches.
 */
export function subschemas(node: Json, pointer: string, which: "applied" | "all"): [string, Json][] {
  if (!isSchemaObject(node)) return [];
  const out: [string, Json][] = [];
  const add = (position: string, kind: Position): void => {
    const value = (node as SchemaObject)[position];
    if (value === undefined) return;
    if (kind === "one") out.push([joinPointer(pointer, position), value]);
    else if (kind === "list" && Array.isArray(value)) value.forEach((s: Json, i: number) => out.push([joinPointer(pointer, position, i), s]));
    else if (kind === "map" && isSchemaObject(value)) for (const [k, s] of Object.entries(value)) out.push([joinPointer(pointer, position, k), s]);
  };
  if (which === "all") {
    // Every subschema position, applied or not (`then` without `if` still holds resources a `$ref` may name).
    for (const [position, kind] of POSITIONS) add(position, kind);
    return out;
  }
  for (const keyword of KEYWORDS) {
    if (!(keyword.keyword in node) || keyword.subschemas === undefined || keyword.definitions === true) continue;
    for (const [position, kind] of Object.entries(keyword.subschemas)) add(position, kind);
  }
  return out;
}
