import type { ArrayNode, Json, ObjectNode, TypeNode } from "../../model/types.js";
import { toTypeName } from "../../schema/names.js";

/*
 * The one type printer of the docs. A model node becomes the TypeScript type syntax it means
 * (`Ts`, built here and nowhere else: which members a union flattens into, what an array's
 * element is, when an object is a record), and every text the docs show is printed from that one
 * tree by declaration.ts: one prettier document, laid out for the Definition blocks and printed
 * flat for the tables' Type cells. A parenthesization decided twice had drifted:
 * `items: {anyOf: [{enum: ["a", "b"]}]}` printed `"a" | "b"[]` in a cell and `("a" | "b")[]` in the types.
 */

/** TypeScript type syntax, as TypeScript would parse it back. */
export type Ts =
  | { readonly kind: "keyword"; readonly name: "string" | "number" | "boolean" | "null" | "unknown" | "never" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "reference"; readonly name: string; readonly args: readonly Ts[] }
  | { readonly kind: "array"; readonly element: Ts }
  | { readonly kind: "union"; readonly types: readonly Ts[] }
  | { readonly kind: "intersection"; readonly types: readonly Ts[] }
  /** Elements in order (`optional`: `B?`), then `...rest[]` when `rest` is set. */
  | { readonly kind: "tuple"; readonly elements: readonly TupleElement[]; readonly rest?: Ts }
  /** `expanded`: written one member a line (prettier keeps such an object broken). */
  | { readonly kind: "object"; readonly members: readonly Member[]; readonly expanded: boolean };

export interface TupleElement {
  readonly type: Ts;
  readonly optional: boolean;
}

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
    case "never":
      return NEVER;
    case "array":
      return node.prefixItems === undefined ? { kind: "array", element: tsOf(node.items) } : tupleOf(node);
    case "object":
      return node.properties.length === 0 ? record(indexType(node) ?? NEVER) : { kind: "object", members: objectMembers(node), expanded: true };
    case "union":
      return unionOf(node.members.map(tsOf));
    case "intersection":
      return intersectionOf(node.members.map(tsOf));
    // TypeScript cannot say "every value but these": any value, as the types say (sound).
    case "not":
      return keyword("unknown");
    // A value meets `then` or `else`: with both written, one of the two; else any value.
    case "conditional":
      return node.then !== undefined && node.else !== undefined ? unionOf([tsOf(node.then), tsOf(node.else)]) : keyword("unknown");
    case "ref":
      return { kind: "reference", name: toTypeName(node.target.name), args: [] };
  }
}

/** Object members of a declared object: properties in schema order, then an index signature. */
export function objectMembers(node: ObjectNode): Member[] {
  const members: Member[] = node.properties.map((p) => ({ kind: "property", key: p.name, optional: !p.required, type: tsOf(p.type) }));
  const index = indexType(node);
  if (index !== undefined) {
    // TypeScript checks every declared property against an index signature: a typed record
    // beside properties of other types (`[key: string]: number` next to `name: string`) must
    // admit theirs too, so those join it only when other keys have a type of their own.
    const others = node.properties.map((p) => tsOf(p.type));
    const typed = index.kind !== "keyword" || index.name !== "unknown";
    members.push({ kind: "index", type: typed && others.length > 0 ? distinct(unionOf([index, ...others])) : index });
  }
  return members;
}

/**
 * The type of keys no property names: `additionalProperties` and every `patternProperties` value.
 * An `additionalProperties` left unwritten beside declared properties alone adds none, as in
 * `@contracts/types`: TypeScript's object types already take other properties.
 */
function indexType(node: ObjectNode): Ts | undefined {
  const unwritten = node.additionalPropertiesUnwritten === true && node.properties.length > 0 && node.patternProperties === undefined;
  const extra = node.additionalProperties === false || unwritten ? [] : [tsOf(node.additionalProperties)];
  const parts = [...(node.patternProperties ?? []).map((p) => tsOf(p.type)), ...extra];
  if (parts.some((p) => p.kind === "keyword" && p.name === "unknown")) return keyword("unknown");
  return parts.length === 0 ? undefined : unionOf(parts);
}

/**
 * `prefixItems` as a tuple: `[A, B?, ...C[]]`. An element past `minItems` may be missing, as JSON
 * Schema lets a shorter array through; the rest is the `items` type, none for `items: false`.
 */
function tupleOf(node: ArrayNode): Ts {
  const prefix = node.prefixItems ?? [];
  const elements = prefix.map((p, i) => ({ type: tsOf(p), optional: i >= (node.minItems ?? 0) }));
  return { kind: "tuple", elements, ...(node.items.kind === "never" ? {} : { rest: tsOf(node.items) }) };
}

/** A union without repeated members (a property typed as the index already is adds nothing). */
function distinct(ts: Ts): Ts {
  if (ts.kind !== "union") return ts;
  const seen = new Set<string>();
  // Equal syntax, equal JSON: every `Ts` of a kind is built with its keys in one order.
  return unionOf(ts.types.filter((t) => !seen.has(JSON.stringify(t)) && seen.add(JSON.stringify(t)) !== undefined));
}

/** `A & B`; members that are intersections flatten; an `unknown` member adds nothing. */
function intersectionOf(types: readonly Ts[]): Ts {
  const flat = types.flatMap((t) => (t.kind === "intersection" ? t.types : [t])).filter((t) => !(t.kind === "keyword" && t.name === "unknown"));
  return flat.length === 0 ? keyword("unknown") : flat.length === 1 ? (flat[0] as Ts) : { kind: "intersection", types: flat };
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
  if (Array.isArray(value)) return { kind: "tuple", elements: value.map((v) => ({ type: constTs(v), optional: false })) };
  const entries = value as { readonly [key: string]: Json };
  const keys = Object.keys(entries);
  if (keys.length === 0) return record(NEVER);
  return { kind: "object", expanded: false, members: keys.map((key) => ({ kind: "property", key, optional: false, type: constTs(entries[key] as Json) })) };
}
