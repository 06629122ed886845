import { KEYWORD_NAMES, keywordSpec } from "../model/keywords/index.js";

/**
 * Keywords that describe or structure a schema without constraining its values (the registry's
 * `annotation` entries: meta-data, content, `$id`, `$defs`, `$comment`, ...).
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set(KEYWORD_NAMES.filter((k) => keywordSpec(k)?.annotation === true));

/** Vendor extensions (`x-docs`, ...) are annotations: allowed anywhere, ignored by validation. */
export function isExtension(keyword: string): boolean {
  return keyword.startsWith("x-");
}

export function isAnnotation(keyword: string): boolean {
  return ANNOTATION_KEYWORDS.has(keyword) || isExtension(keyword);
}
