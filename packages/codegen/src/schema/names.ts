import type { Json } from "../model/types.js";
import { isObject } from "./refs.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `plan-tier` → `PlanTier`: the letter-and-digit words of `text`, each capitalized, joined. */
export function toPascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/** `plan-tier` → `PlanTier`; an identifier is kept as it is. Never a counter suffix. */
export function toTypeName(name: string): string {
  if (isIdentifier(name)) return name;
  const joined = toPascalCase(name);
  return /^[A-Za-z_$]/.test(joined) ? joined : `T${joined}`;
}

/**
 * The name json-schema-to-typescript declares for `name` (an identifier): it always passes
 * titles through its `toSafeString`, which capitalises the first letter, turns `_x` into `X` and
 * upper-cases a letter after a digit or `$` (json2ts's utils.ts). A name it changes would be
 * declared under one name in the types and imported under another everywhere else.
 */
export function json2tsName(name: string): string {
  const safe = name
    .replace(/^_[a-z]/, (m) => m.toUpperCase())
    .replace(/_[a-z]/g, (m) => m.slice(1).toUpperCase())
    .replace(/[\d$]+[a-zA-Z]/g, (m) => m.toUpperCase());
  return safe.charAt(0).toUpperCase() + safe.slice(1);
}

/**
 * The exported name of a `$defs` entry: its own `title` when it has one, else its key, as a type
 * name json-schema-to-typescript keeps (`item` → `Item`, `a_string` → `AString`), so that every
 * artifact declares and imports it under one name; schemas written for other tools use any key.
 */
export function definitionName(schema: Json, key: string): string {
  return json2tsName(toTypeName(isObject(schema) && typeof schema["title"] === "string" ? schema["title"] : key));
}

/**
 * TypeScript's global types the generated modules use (`Record<string, unknown>`, arrays...): a
 * declaration of the same name would shadow them, so every emitter writing TypeScript reserves them.
 */
export const TYPESCRIPT_GLOBALS: ReadonlyMap<string, string> = reserve("a TypeScript built-in type the generated code uses", [
  "Array",
  "BigInt",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Omit",
  "Partial",
  "Pick",
  "Promise",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "RegExp",
  "Required",
  "Set",
  "String",
  "Symbol",
]);

/** `names`, each reserved for the reason `why` (an emitter's `reservedNames`), after `others`. */
export function reserve(why: string, names: readonly string[], ...others: ReadonlyMap<string, string>[]): ReadonlyMap<string, string> {
  return new Map([...others.flatMap((o) => [...o]), ...names.map((name): [string, string] => [name, why])]);
}
