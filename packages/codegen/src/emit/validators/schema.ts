import type { Json } from "../../model/types.js";
import { ANNOTATION_KEYWORDS, isExtension } from "../../schema/keywords.js";

export type SchemaObject = { readonly [keyword: string]: Json };

/** Keywords that never change a verdict. */
const ANNOTATIONS = ANNOTATION_KEYWORDS;

export function isSchemaObject(v: Json | undefined): v is SchemaObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `{}`, `true` or annotations only: any value is valid. */
export function isEmptySchema(s: Json | undefined): boolean {
  return s === true || (isSchemaObject(s) && Object.keys(s).every((k) => ANNOTATIONS.has(k) || isExtension(k)));
}

/** The types of a schema that asserts nothing but its `type` (beside annotations), if it is one. */
export function typeOnly(s: Json | undefined): readonly string[] | undefined {
  if (!isSchemaObject(s)) return undefined;
  const list = types(s);
  return list.length > 0 && Object.keys(s).every((k) => k === "type" || ANNOTATIONS.has(k) || isExtension(k)) ? list : undefined;
}

export function types(s: SchemaObject): readonly string[] {
  const t = s["type"];
  return typeof t === "string" ? [t] : Array.isArray(t) ? (t.filter((x) => typeof x === "string") as string[]) : [];
}

export function propertyNames(s: SchemaObject): string[] {
  return isSchemaObject(s["properties"]) ? Object.keys(s["properties"]) : [];
}

export function requiredNames(s: SchemaObject): string[] {
  const r = s["required"];
  return Array.isArray(r) ? (r.filter((x) => typeof x === "string") as string[]) : [];
}
