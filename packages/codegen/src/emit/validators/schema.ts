import type { Json } from "../../model/types.js";
import { joinPointer } from "../../load/pointer.js";
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

export function types(s: SchemaObject): readonly string[] {
  const t = s["type"];
  return typeof t === "string" ? [t] : Array.isArray(t) ? (t.filter((x) => typeof x === "string") as string[]) : [];
}

/** A node whose own keywords constrain the value's type; anything else must still be JSON data. */
export function constrainsType(s: SchemaObject): boolean {
  return ["type", "enum", "const", "$ref", "anyOf", "oneOf"].some((k) => k in s);
}

export function hasObjectKeywords(s: SchemaObject): boolean {
  return types(s).includes("object") || ["properties", "required", "additionalProperties"].some((k) => k in s);
}

export function hasArrayKeywords(s: SchemaObject): boolean {
  return types(s).includes("array") || ["items", "minItems", "maxItems", "uniqueItems"].some((k) => k in s);
}

export function propertyNames(s: SchemaObject): string[] {
  return isSchemaObject(s["properties"]) ? Object.keys(s["properties"]) : [];
}

export function requiredNames(s: SchemaObject): string[] {
  const r = s["required"];
  return Array.isArray(r) ? (r.filter((x) => typeof x === "string") as string[]) : [];
}

/** Subschemas in the order the walker visits them, with their pointers. */
export function children(s: SchemaObject, pointer: string): [string, Json][] {
  const out: [string, Json][] = [];
  const props = s["properties"];
  if (isSchemaObject(props)) for (const [k, v] of Object.entries(props)) out.push([joinPointer(pointer, "properties", k), v]);
  for (const key of ["additionalProperties", "items"]) {
    const v = s[key];
    if (v !== undefined && typeof v !== "boolean" && !isEmptySchema(v)) out.push([joinPointer(pointer, key), v]);
  }
  for (const key of ["anyOf", "oneOf"]) {
    const v = s[key];
    if (Array.isArray(v)) v.forEach((b, i) => out.push([joinPointer(pointer, key, i), b]));
  }
  return out;
}
