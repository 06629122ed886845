import type { Json, ObjectNode, TypeNode } from "../../model/types.js";
import { isIdentifier, toTypeName } from "../../schema/names.js";

/**
 * `inline`: one line, for table cells (`{ a: string; b?: number; }`). `block`: objects one member
 * per line, the text of the Definition blocks before layout: declaration.ts prints the same types
 * laid out as prettier lays out this text (objects stay expanded, as the spec page shows), and
 * tests check the two agree through prettier.
 */
export type Layout = "inline" | "block";

/**
 * The one-line TypeScript type of a node, as the Fields table shows it. Unions keep schema order;
 * a `$ref` prints its target's name.
 */
export function typeText(node: TypeNode): string {
  return printType(node, "inline");
}

/** One printer per schema construct, reached through this dispatch. */
export function printType(node: TypeNode, layout: Layout): string {
  switch (node.kind) {
    case "string":
      return "string"; // `format` (uri, date-time) is checked at runtime only.
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "unknown":
      return "unknown";
    case "never":
      return "never";
    case "intersection":
    case "not":
    case "conditional":
      // Refused before emitting (docs/support.ts) until the docs print them; "unknown" is sound.
      return "unknown";
    case "enum":
      return node.values.length === 0 ? "never" : node.values.map(literalType).join(" | ");
    case "const":
      return literalType(node.value);
    case "array":
      return arrayType(node.items, layout);
    case "object":
      return objectType(node, layout);
    case "union":
      // A nested union needs no parentheses: `A | (B | C)` is `A | B | C`.
      return node.members.length === 0 ? "never" : node.members.map((m) => printType(m, layout)).join(" | ");
    case "ref":
      return toTypeName(node.target.name);
  }
}

function arrayType(items: TypeNode, layout: Layout): string {
  const item = printType(items, layout);
  const isUnion = (items.kind === "union" && items.members.length > 1) || (items.kind === "enum" && items.values.length > 1);
  return isUnion ? `(${item})[]` : `${item}[]`;
}

/**
 * Closed object → `{ a: T; b?: U; }`; open record (no properties) → `Record<string, T>`; closed
 * and empty → `Record<string, never>` (`{}` would accept any non-nullish value). Declared
 * properties plus a typed `additionalProperties` add an index signature `[key: string]: T`.
 */
function objectType(node: ObjectNode, layout: Layout): string {
  const extra = node.additionalProperties;
  if (node.properties.length === 0) return `Record<string, ${extra === false ? "never" : printType(extra, layout)}>`;
  const members = node.properties.map((p) => `${propertyKey(p.name)}${p.required ? "" : "?"}: ${printType(p.type, layout)};`);
  if (extra !== false) members.push(`[key: string]: ${printType(extra, layout)};`);
  return layout === "inline" ? `{ ${members.join(" ")} }` : `{\n${members.join("\n")}\n}`;
}

function literalType(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literalType).join(", ")}]`;
  const record = value as { readonly [key: string]: Json };
  const entries = Object.keys(record).map((k) => `${propertyKey(k)}: ${literalType(record[k] as Json)};`);
  return entries.length === 0 ? "Record<string, never>" : `{ ${entries.join(" ")} }`;
}

/** `name` when it is an identifier, else a JSON (hence TS) string literal: `"x-trace-id"`. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/**
 * `interface X {…}` for objects with properties, `type X = …;` for everything else, unformatted:
 * the text prettier formats in the docs-layout tests (the oracle `printDeclaration`'s layout is
 * checked against); the pages themselves are printed by `printDeclaration`.
 */
export function declaration(name: string, node: TypeNode): string {
  const id = toTypeName(name);
  if (node.kind === "object" && node.properties.length > 0) return `interface ${id} ${objectType(node, "block")}\n`;
  return `type ${id} = ${printType(node, "block")};\n`;
}
