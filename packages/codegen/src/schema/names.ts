import type { Json } from "../model/types.js";
import { isObject } from "./refs.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `plan-tier` → `PlanTier`; an identifier is kept as it is. Never a counter suffix. */
export function toTypeName(name: string): string {
  if (isIdentifier(name)) return name;
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_$]/.test(joined) ? joined : `T${joined}`;
}

/** The exported name of a `$defs` entry: its own `title` when it has one, else its key. */
export function definitionName(schema: Json, key: string): string {
  return toTypeName(isObject(schema) && typeof schema["title"] === "string" ? schema["title"] : key);
}
