import type { Json, ObjectNode, TypeNode } from "../../model/types.js";
import { isIdentifier, toTypeName } from "../../schema/names.js";

/*
 * The one type printer of the docs. A model node becomes the TypeScript type syntax it means
 * (`Ts`, built here and nowhere else: which members a union flattens into, what an array's
 * element is, when an object is a record), and every text the docs show is a layout of that one
 * tree: `inline` for the Fields and Definitions tables' Type cells, `block` for the declaration
 * text prettier formats in tests, and declaration.ts's prettier documents for the Definition
 * blocks. A parenthesization decided twice had drifted: `items: {anyOf: [{enum: ["a", "b"]}]}`
 * printed `"a" | "b"[]` in a cell and `("a" | "b")[]` in the types.
 */

/** TypeScript type syntax, as TypeScript would parse it back. */
export type Ts =
  | { readonly kind: "keyword"; readonly name: "string" | "number" | "boolean" | "null" | "unknown" | "never" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "reference"; readonly name: string; readonly args: readonly Ts[] }
  | { readonly kind: "array"; readonly element: Ts }
  | { readonly kind: "union"; readonly types: readonly Ts[] }
  | { readonly kind: "tuple"; readonly elements: readonly Ts[] }
  /** `expanded`: written one member a line (prettier keeps such an object broken). */
  | { readonly kind: "object"; readonly members: readonly Member[]; readonly expanded: boolean };

export type Member =
  { readonly kind: "property"; readonly key: string; readonly optional: boolean; readonly type: Ts } | { readonly kind: "index"; readonly type: Ts };

const keyword = (name: Extract<Ts, { kind: "keyword" }>["name"]): Ts => ({ kind: "keyword", name });
export const NEVER = keyword("never");

/** The type syntax of a node. Unions keep schema order; a `$ref` is its target's name. */
export function tsOf(node: TypeNode): Ts {
  switch (node.kind) {
    case "string": // `format` (uri, date-time) is checked at runtime only.
    case "boolean":
    case "unknown":
    case "null":
      return keyword(node.kind);
    case "number":
    case "integer":
      return keyword("number");
    case "enum":
      return unionOf(node.values.map(constTs));
    case "const":
      return constTs(node.value);
    case "array":
      return { kind: "array", element: tsOf(node.items) };
    case "object":
      return node.properties.length === 0
        ? record(node.additionalProperties === false ? NEVER : tsOf(node.additionalProperties))
        : { kind: "object", members: objectMembers(node), expanded: true };
    case "union":
      return unionOf(node.members.map(tsOf));
    case "ref":
      return { kind: "reference", name: toTypeName(node.target.name), args: [] };
  }
}

/** Object members of a declared object: properties in schema order, then an index signature. */
export function objectMembers(node: ObjectNode): Member[] {
  const members: Member[] = node.properties.map((p) => ({ kind: "property", key: p.name, optional: !p.required, type: tsOf(p.type) }));
  if (node.additionalProperties !== false) members.push({ kind: "index", type: tsOf(node.additionalProperties) });
  return members;
}

/** A union of unions is one flat union (`A | (B | C)` is `A | B | C`); none is `never`, one is itself. */
function unionOf(types: readonly Ts[]): Ts {
  const flat = types.flatMap((t) => (t.kind === "union" ? t.types : [t]));
  return flat.length === 0 ? NEVER : flat.length === 1 ? (flat[0] as Ts) : { kind: "union", types: flat };
}

function record(value: Ts): Ts {
  return { kind: "reference", name: "Record", args: [keyword("string"), value] };
}

/** A JSON value as its literal type: literals, tuples, and one-line object types. */
function constTs(value: Json): Ts {
  if (value === null) return keyword("null");
  if (typeof value !== "object") return { kind: "literal", value };
  if (Array.isArray(value)) return { kind: "tuple", elements: value.map(constTs) };
  const entries = value as { readonly [key: string]: Json };
  const keys = Object.keys(entries);
  if (keys.length === 0) return record(NEVER);
  return { kind: "object", expanded: false, members: keys.map((key) => ({ kind: "property", key, optional: false, type: constTs(entries[key] as Json) })) };
}

/**
 * `inline`: one line, for table cells (`{ a: string; b?: number; }`). `block`: expanded objects
 * one member a line, the declaration text before layout (tests check that prettier lays it out
 * as declaration.ts does).
 */
export type Layout = "inline" | "block";

/** `ts` as text. Literals are JSON's spelling, keys bare when they are identifiers. */
export function printTs(ts: Ts, layout: Layout): string {
  switch (ts.kind) {
    case "keyword":
      return ts.name;
    case "literal":
      return JSON.stringify(ts.value);
    case "reference":
      return ts.args.length === 0 ? ts.name : `${ts.name}<${ts.args.map((a) => printTs(a, layout)).join(", ")}>`;
    case "array":
      return ts.element.kind === "union" ? `(${printTs(ts.element, layout)})[]` : `${printTs(ts.element, layout)}[]`;
    case "union":
      return ts.types.map((t) => printTs(t, layout)).join(" | ");
    case "tuple":
      return `[${ts.elements.map((e) => printTs(e, layout)).join(", ")}]`;
    case "object": {
      const members = ts.members.map(
        (m) => `${m.kind === "index" ? "[key: string]" : `${propertyKey(m.key)}${m.optional ? "?" : ""}`}: ${printTs(m.type, layout)};`,
      );
      return layout === "block" && ts.expanded ? `{\n${members.join("\n")}\n}` : `{ ${members.join(" ")} }`;
    }
  }
}

/** `name` when it is an identifier, else a JSON (hence TS) string literal: `"x-trace-id"`. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}
