import type { Json, ObjectNode, TypeNode } from "../../model/types.js";
import { toTypeName } from "../../schema/names.js";
import { builders, printer } from "prettier/doc";
import { numberLiteral, propertyKeyLiteral, stringLiteral } from "./literals.js";

/*
 * The Definition blocks' TypeScript, laid out as prettier's typescript printer lays out the
 * declaration text of type-text.ts (prettier defaults: 80 columns, semicolons, trailing commas).
 * The model is first turned into the syntax tree TypeScript would parse from that text (`Ts`), then
 * built into the documents prettier builds for each node kind (print/union-type.js,
 * class-body.js, type-parameters.js, array.js, assignment.js of prettier 3.10) and printed by
 * prettier's own document printer (`prettier/doc`, which parses nothing: calling prettier itself
 * costs about 5 ms a declaration). Tests check the result against prettier itself.
 */

/** The type syntax the declarations use: what TypeScript parses from type-text.ts's output. */
type Ts =
  | { readonly kind: "text"; readonly text: string; readonly isNull?: true } // keyword or literal
  | { readonly kind: "reference"; readonly name: string; readonly args: readonly Ts[] }
  | { readonly kind: "array"; readonly element: Ts }
  | { readonly kind: "union"; readonly types: readonly Ts[] }
  | { readonly kind: "tuple"; readonly elements: readonly Ts[] }
  | { readonly kind: "object"; readonly members: readonly Member[]; readonly expanded: boolean };

type Member =
  { readonly kind: "property"; readonly key: string; readonly optional: boolean; readonly type: Ts } | { readonly kind: "index"; readonly type: Ts };

type Doc = builders.Doc;
const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } = builders;

/** `doc` laid out as prettier lays out TypeScript by default: 80 columns, two-space indents. */
function printDoc(doc: Doc): string {
  return printer.printDocToString(doc, { printWidth: 80, tabWidth: 2 }).formatted;
}

const keyword = (text: string): Ts => ({ kind: "text", text });
const NULL: Ts = { kind: "text", text: "null", isNull: true };
const NEVER = keyword("never");

/** `interface X {…}` for objects with properties, `type X = …;` otherwise, laid out as prettier does. */
export function printDeclaration(name: string, node: TypeNode): string {
  const id = toTypeName(name);
  if (node.kind === "object" && node.properties.length > 0) {
    const members = objectMembers(node).map((m) => [member(m), ";"]);
    return printDoc(["interface ", id, " {", indent([hardline, join(hardline, members)]), hardline, "}"]);
  }
  return printDoc([typeAlias(["type ", id], tsOf(node)), ";"]);
}

/** `<left> = <type>` as prettier's printAssignment lays out a type alias. */
function typeAlias(left: Doc, type: Ts): Doc {
  if (type.kind === "union" && !hugs(type)) {
    // "break-after-operator": the union goes on the next lines, one `| member` a line.
    return group([group(left), " =", group(indent([line, print(type, "alias")]))]);
  }
  // "fluid": break after `=` only when even the start of the type does not fit.
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), { id }), indentIfBreak(print(type, "other"), { groupId: id })]);
}

/** The syntax tree of the text type-text.ts prints for `node` in block layout. */
function tsOf(node: TypeNode): Ts {
  switch (node.kind) {
    case "string":
    case "boolean":
    case "unknown":
      return keyword(node.kind);
    case "number":
    case "integer":
      return keyword("number");
    case "null":
      return NULL;
    case "never":
      return NEVER;
    case "intersection":
    case "not":
    case "conditional":
      // Refused before emitting (docs/support.ts) until the docs print them; as type-text.ts.
      return keyword("unknown");
    case "enum":
      return unionOf(node.values.map(constTs));
    case "const":
      return constTs(node.value);
    case "array":
      return arrayOf(node.items);
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

/** `A | B` text joined from members that may be unions themselves parses as one flat union. */
function unionOf(types: readonly Ts[]): Ts {
  const flat = types.flatMap((t) => (t.kind === "union" ? t.types : [t]));
  return flat.length === 0 ? NEVER : flat.length === 1 ? (flat[0] as Ts) : { kind: "union", types: flat };
}

/**
 * type-text.ts parenthesizes the items of an array only when they are a union or enum of several
 * members; other items that print as a union (a one-member `anyOf` around one) are followed by a
 * bare `[]`, which binds to their last member.
 */
function arrayOf(items: TypeNode): Ts {
  const element = tsOf(items);
  const parenthesized = (items.kind === "union" && items.members.length > 1) || (items.kind === "enum" && items.values.length > 1);
  if (element.kind !== "union" || parenthesized) return { kind: "array", element };
  return { kind: "union", types: [...element.types.slice(0, -1), { kind: "array", element: element.types.at(-1) as Ts }] };
}

function record(value: Ts): Ts {
  return { kind: "reference", name: "Record", args: [keyword("string"), value] };
}

function objectMembers(node: ObjectNode): Member[] {
  const members: Member[] = node.properties.map((p) => ({ kind: "property", key: p.name, optional: !p.required, type: tsOf(p.type) }));
  if (node.additionalProperties !== false) members.push({ kind: "index", type: tsOf(node.additionalProperties) });
  return members;
}

function literalTs(value: string | number | boolean | null): Ts {
  if (value === null) return NULL;
  if (typeof value === "string") return keyword(stringLiteral(value));
  if (typeof value === "number") return keyword(numberLiteral(value));
  return keyword(String(value));
}

/** A `const` value: literals, tuples, and one-line object types (which prettier keeps flat when they fit). */
function constTs(value: Json): Ts {
  if (value === null || typeof value !== "object") return literalTs(value);
  if (Array.isArray(value)) return { kind: "tuple", elements: value.map(constTs) };
  const record_ = value as { readonly [key: string]: Json };
  const keys = Object.keys(record_);
  if (keys.length === 0) return record(NEVER);
  return { kind: "object", expanded: false, members: keys.map((key) => ({ kind: "property", key, optional: false, type: constTs(record_[key] as Json) })) };
}

/** Where a type sits, for the union printer: it indents, parenthesizes or lets the parent lay it out. */
type Position = "annotation" | "alias" | "array" | "type-argument" | "other";

function print(type: Ts, position: Position): Doc {
  switch (type.kind) {
    case "text":
      return type.text;
    case "reference":
      return [type.name, typeArguments(type.args)];
    case "array":
      return type.element.kind === "union" ? ["(", print(type.element, "array"), ")[]"] : [print(type.element, "other"), "[]"];
    case "union":
      return union(type, position);
    case "tuple":
      return tuple(type.elements);
    case "object":
      return objectType(type.members, type.expanded);
  }
}

/** prettier's shouldHugUnionType: one object-like member (a type literal or reference) plus `null`s. */
function hugs(type: Ts & { kind: "union" }): boolean {
  const objectLike = type.types.find((t) => t.kind === "object" || t.kind === "reference");
  return objectLike !== undefined && type.types.every((t) => t === objectLike || (t.kind === "text" && t.isNull === true));
}

/** print/union-type.js: `A | B` flat, else one `| member` a line, indented unless the parent indents. */
function union(type: Ts & { kind: "union" }, position: Position): Doc {
  if (hugs(type))
    return join(
      " | ",
      type.types.map((t) => print(t, "other")),
    );
  const printed = group(type.types.map((t, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, print(t, "other"))]));
  if (position === "array") return group([indent([softline, printed]), softline]);
  if (position === "alias" || position === "type-argument") return printed;
  return group(indent([softline, printed]));
}

/** print/type-parameters.js: `Record<string, T>`, broken one argument a line (no trailing comma). */
function typeArguments(args: readonly Ts[]): Doc {
  if (args.length === 0) return "";
  return group([
    "<",
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => print(a, "type-argument")),
      ),
    ]),
    softline,
    ">",
  ]);
}

/** print/array.js for a tuple type: `[a, b]`, broken one element a line with a trailing comma. */
function tuple(elements: readonly Ts[]): Doc {
  if (elements.length === 0) return "[]";
  return group([
    "[",
    indent([
      softline,
      join(
        [",", line],
        elements.map((e) => group(print(e, "other"))),
      ),
      ifBreak(","),
    ]),
    softline,
    "]",
  ]);
}

/**
 * print/class-body.js for a type literal: `{ a: T; b: U }` when it fits (no `;` after the last
 * member), else one member a line, each ending in `;`. Written expanded (a line break after `{`),
 * it stays expanded.
 */
function objectType(members: readonly Member[], expanded: boolean): Doc {
  const parts = members.map((m, i) => [member(m), i === members.length - 1 ? ifBreak(";") : ";"]);
  return group(["{", indent([line, join(line, parts)]), line, "}"], { shouldBreak: expanded });
}

function member(m: Member): Doc {
  if (m.kind === "index") {
    // print/index-signature.js: even `[key: string]` breaks when what follows does not fit.
    return ["[", group([indent([softline, "key: string"]), softline]), "]: ", print(m.type, "annotation")];
  }
  return [propertyKeyLiteral(m.key), m.optional ? "?" : "", ": ", print(m.type, "annotation")];
}
