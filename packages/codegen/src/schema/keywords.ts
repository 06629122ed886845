/**
 * Keywords that describe or structure a schema without constraining its values: the model keeps
 * them next to any other keyword (the `$ref`, `enum`, `anyOf` ... that decides a node's kind).
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "readOnly",
  "writeOnly",
  "deprecated",
  "examples",
  "default",
  "$comment",
  "$schema",
  "$id",
  "$defs",
]);

/**
 * The JSON Schema keywords every emitter honours. Anything else fails validation naming its
 * pointer: a keyword one emitter would silently drop would make the artifacts disagree.
 */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  // identification and structure
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "$comment",
  // annotations
  ...ANNOTATION_KEYWORDS,
  // validation
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "anyOf",
  "oneOf",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
]);

/** Formats checked at runtime by the validators (and rendered as `string` in types). */
export const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(["date-time", "date", "time", "uri", "email", "uuid"]);

/** Vendor extensions (`x-docs`, ...) are annotations: allowed anywhere, ignored by validation. */
export function isExtension(keyword: string): boolean {
  return keyword.startsWith("x-");
}

export function isAnnotation(keyword: string): boolean {
  return ANNOTATION_KEYWORDS.has(keyword) || isExtension(keyword);
}
