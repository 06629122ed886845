import type { Support } from "../emitter.js";

/**
 * What the OpenAPI 3.1 document honours: every keyword and node kind, so a new one does not
 * compile until this table says. `false`: generation stops with a located problem naming the
 * construct (`unsupportedIn`) while the "openapi31" target is on. 3.1 Schema Objects are JSON
 * Schema 2020-12 and carry every keyword as written, except `$dynamicRef`: its target depends on
 * the dynamic scope, which components do not keep. The draft-07 keywords are refused by
 * validation before any target sees them.
 */
export const SUPPORT_31: Support = {
  keywords: {
    $schema: true,
    $id: true,
    $ref: true,
    $anchor: true,
    $dynamicRef: false,
    $dynamicAnchor: true,
    $vocabulary: true,
    $comment: true,
    $defs: true,
    allOf: true,
    anyOf: true,
    oneOf: true,
    not: true,
    if: true,
    then: true,
    else: true,
    dependentSchemas: true,
    prefixItems: true,
    items: true,
    contains: true,
    properties: true,
    patternProperties: true,
    additionalProperties: true,
    propertyNames: true,
    unevaluatedItems: true,
    unevaluatedProperties: true,
    type: true,
    enum: true,
    const: true,
    multipleOf: true,
    maximum: true,
    exclusiveMaximum: true,
    minimum: true,
    exclusiveMinimum: true,
    maxLength: true,
    minLength: true,
    pattern: true,
    maxItems: true,
    minItems: true,
    uniqueItems: true,
    maxContains: true,
    minContains: true,
    maxProperties: true,
    minProperties: true,
    required: true,
    dependentRequired: true,
    format: true,
    title: true,
    description: true,
    default: true,
    deprecated: true,
    readOnly: true,
    writeOnly: true,
    examples: true,
    contentEncoding: true,
    contentMediaType: true,
    contentSchema: true,
    definitions: false,
    dependencies: false,
    additionalItems: false,
    $recursiveRef: false,
    $recursiveAnchor: false,
  },
  kinds: {
    string: true,
    number: true,
    integer: true,
    boolean: true,
    null: true,
    unknown: true,
    never: true,
    enum: true,
    const: true,
    array: true,
    object: true,
    union: true,
    intersection: true,
    not: true,
    conditional: true,
    ref: true,
  },
  constructs: {
    "boolean-definition": true,
    "non-object-root": true,
    "ref-to-subschema": false,
  },
};

/**
 * What the OpenAPI 3.0.3 document honours, refused only while the "openapi30" target is on. The
 * same as 3.1's: what 3.0 cannot say (a tuple, `patternProperties`, `propertyNames`, `contains`,
 * `unevaluated*` beside applicators) it can say in some cases, or it is reported by the 3.0
 * conversion (`oas30/unexpressible.ts`), which runs only while the target is on and reports every
 * such place of a run together: a `false` here would stop the run before the others were found.
 * @see https://spec.openapis.org/oas/v3.0.3.html#schema-object
 */
export const SUPPORT_30: Support = SUPPORT_31;
