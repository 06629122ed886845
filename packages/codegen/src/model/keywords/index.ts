import type { DataKeyword, KeywordSpec } from "./define.js";
import { $schema } from "./schema.js";
import { $id } from "./id.js";
import { $ref } from "./ref.js";
import { $anchor } from "./anchor.js";
import { $dynamicRef } from "./dynamicRef.js";
import { $dynamicAnchor } from "./dynamicAnchor.js";
import { $vocabulary } from "./vocabulary.js";
import { $comment } from "./comment.js";
import { $defs } from "./defs.js";
import { allOf } from "./allOf.js";
import { anyOf } from "./anyOf.js";
import { oneOf } from "./oneOf.js";
import { not } from "./not.js";
import { ifKeyword } from "./if.js";
import { thenKeyword } from "./then.js";
import { elseKeyword } from "./else.js";
import { dependentSchemas } from "./dependentSchemas.js";
import { prefixItems } from "./prefixItems.js";
import { items } from "./items.js";
import { contains } from "./contains.js";
import { properties } from "./properties.js";
import { patternProperties } from "./patternProperties.js";
import { additionalProperties } from "./additionalProperties.js";
import { propertyNames } from "./propertyNames.js";
import { unevaluatedItems } from "./unevaluatedItems.js";
import { unevaluatedProperties } from "./unevaluatedProperties.js";
import { type } from "./type.js";
import { enumKeyword } from "./enum.js";
import { constKeyword } from "./const.js";
import { multipleOf } from "./multipleOf.js";
import { maximum } from "./maximum.js";
import { exclusiveMaximum } from "./exclusiveMaximum.js";
import { minimum } from "./minimum.js";
import { exclusiveMinimum } from "./exclusiveMinimum.js";
import { maxLength } from "./maxLength.js";
import { minLength } from "./minLength.js";
import { pattern } from "./pattern.js";
import { maxItems } from "./maxItems.js";
import { minItems } from "./minItems.js";
import { uniqueItems } from "./uniqueItems.js";
import { maxContains } from "./maxContains.js";
import { minContains } from "./minContains.js";
import { maxProperties } from "./maxProperties.js";
import { minProperties } from "./minProperties.js";
import { required } from "./required.js";
import { dependentRequired } from "./dependentRequired.js";
import { format } from "./format.js";
import { title } from "./title.js";
import { description } from "./description.js";
import { defaultKeyword } from "./default.js";
import { deprecated } from "./deprecated.js";
import { readOnly } from "./readOnly.js";
import { writeOnly } from "./writeOnly.js";
import { examples } from "./examples.js";
import { contentEncoding } from "./contentEncoding.js";
import { contentMediaType } from "./contentMediaType.js";
import { contentSchema } from "./contentSchema.js";
import { definitions } from "./definitions.js";
import { dependencies } from "./dependencies.js";
import { additionalItems } from "./additionalItems.js";
import { $recursiveRef } from "./recursiveRef.js";
import { $recursiveAnchor } from "./recursiveAnchor.js";

/**
 * Every keyword the codegen knows, by name: the JSON Schema 2020-12 core, applicator, unevaluated,
 * validation, format-annotation, meta-data and content vocabularies, and the five keywords of
 * earlier drafts 2020-12 replaced (refused with what to write instead). A new keyword is one file in
 * this folder and one line here; `KeywordName` grows with it, so every emitter's support table
 * (`emit/<target>/support.ts`) fails to compile until it says what it does with the keyword.
 */
export const KEYWORDS = {
  $schema: $schema,
  $id: $id,
  $ref: $ref,
  $anchor: $anchor,
  $dynamicRef: $dynamicRef,
  $dynamicAnchor: $dynamicAnchor,
  $vocabulary: $vocabulary,
  $comment: $comment,
  $defs: $defs,
  allOf: allOf,
  anyOf: anyOf,
  oneOf: oneOf,
  not: not,
  if: ifKeyword,
  then: thenKeyword,
  else: elseKeyword,
  dependentSchemas: dependentSchemas,
  prefixItems: prefixItems,
  items: items,
  contains: contains,
  properties: properties,
  patternProperties: patternProperties,
  additionalProperties: additionalProperties,
  propertyNames: propertyNames,
  unevaluatedItems: unevaluatedItems,
  unevaluatedProperties: unevaluatedProperties,
  type: type,
  enum: enumKeyword,
  const: constKeyword,
  multipleOf: multipleOf,
  maximum: maximum,
  exclusiveMaximum: exclusiveMaximum,
  minimum: minimum,
  exclusiveMinimum: exclusiveMinimum,
  maxLength: maxLength,
  minLength: minLength,
  pattern: pattern,
  maxItems: maxItems,
  minItems: minItems,
  uniqueItems: uniqueItems,
  maxContains: maxContains,
  minContains: minContains,
  maxProperties: maxProperties,
  minProperties: minProperties,
  required: required,
  dependentRequired: dependentRequired,
  format: format,
  title: title,
  description: description,
  default: defaultKeyword,
  deprecated: deprecated,
  readOnly: readOnly,
  writeOnly: writeOnly,
  examples: examples,
  contentEncoding: contentEncoding,
  contentMediaType: contentMediaType,
  contentSchema: contentSchema,
  definitions: definitions,
  dependencies: dependencies,
  additionalItems: additionalItems,
  $recursiveRef: $recursiveRef,
  $recursiveAnchor: $recursiveAnchor,
} as const;

type Registry = typeof KEYWORDS;

/** The name of every keyword the codegen knows: a union, so tables keyed by it are exhaustive. */
export type KeywordName = keyof Registry;

/** Keywords whose value is data (`minLength`), not subschemas. */
export type DataKeywordName = { [K in KeywordName]: Registry[K]["positions"] extends "none" ? K : never }[KeywordName];

/**
 * What a node keeps under keyword `K`: the normalised data value, or the child node(s) `N` at its
 * subschema positions (one, an array in order, or a map by name in the schema's order).
 */
export type KeywordValue<K extends KeywordName, N> =
  Registry[K] extends DataKeyword<string, infer V>
    ? V
    : Registry[K]["positions"] extends "schema"
      ? N
      : Registry[K]["positions"] extends "array"
        ? readonly N[]
        : { readonly [name: string]: N };

/** Any registry entry, told apart by `positions`. */
export type AnyKeyword = DataKeyword | KeywordSpec<string, "schema"> | KeywordSpec<string, "array"> | KeywordSpec<string, "map">;

/** The registry's entry for `name`, if it is a keyword (`x-` extensions and unknown words are not). */
export function keywordSpec(name: string): AnyKeyword | undefined {
  return Object.hasOwn(KEYWORDS, name) ? (KEYWORDS[name as KeywordName] as AnyKeyword) : undefined;
}

export function isKeyword(name: string): name is KeywordName {
  return Object.hasOwn(KEYWORDS, name);
}

/** Every keyword name, in the registry's order (vocabulary by vocabulary). */
export const KEYWORD_NAMES: readonly KeywordName[] = Object.freeze(Object.keys(KEYWORDS) as KeywordName[]);

export type { CheckContext, DataKeyword, InstanceType, KeywordSpec, Positions, Vocabulary } from "./define.js";
