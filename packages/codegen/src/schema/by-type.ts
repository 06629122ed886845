/**
 * Keywords that constrain only instances of one JSON type: the spec has each of them ignore every
 * other type, so a schema with a `type` array splits into one branch per type carrying just these.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6 (validation keywords)
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3 (child applicators)
 */
export const KEYWORDS_BY_TYPE: { readonly [type: string]: readonly string[] } = {
  string: ["format", "pattern", "minLength", "maxLength", "contentEncoding", "contentMediaType", "contentSchema"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  integer: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  array: ["items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems", "unevaluatedItems"],
  object: [
    "properties",
    "patternProperties",
    "additionalProperties",
    "unevaluatedProperties",
    "propertyNames",
    "required",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
  ],
  boolean: [],
  null: [],
};

/** Every keyword of `KEYWORDS_BY_TYPE`. */
export const TYPE_SPECIFIC_KEYWORDS: ReadonlySet<string> = new Set(Object.values(KEYWORDS_BY_TYPE).flat());

/** The keywords of `keys` that constrain values of `type` (or of no particular type). */
export function keywordsFor(type: string, keys: readonly string[]): string[] {
  const own = new Set(KEYWORDS_BY_TYPE[type] ?? []);
  return keys.filter((k) => own.has(k) || !TYPE_SPECIFIC_KEYWORDS.has(k));
}
