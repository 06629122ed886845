import type { TypeNode } from "../../model/types.js";
import { toTypeName } from "../../schema/names.js";
import { builders, printer, utils } from "prettier/doc";
import { numberLiteral, propertyKeyLiteral, stringLiteral } from "./literals.js";
import { objectMembers, tsOf, type Member, type Ts } from "./syntax.js";

/*
 * Every TypeScript text of the docs, from one document: the Definition blocks, laid out as
 * prettier's typescript printer lays out a declaration (prettier defaults: 80 columns, semicolons,
 * trailing commas), and the tables' Type cells, the same document printed flat. The model is first
 * turned into its type syntax (`Ts`, syntax.ts), then built into the documents prettier builds for
 * each node kind (print/union-type.js, class-body.js, type-parameters.js, array.js, assignment.js of
 * prettier 3.10) and printed by prettier's own document printer (`prettier/doc`, which parses
 * nothing: calling prettier itself costs about 5 ms a declaration). Tests check the blocks against
 * prettier laying out the same declaration printed at unlimited width.
 */

type Doc = builders.Doc;
const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } = builders;

/** `doc` laid out as prettier lays out TypeScript by default: `width` columns (80), two-space indents. */
function printDoc(doc: Doc, width = 80): string {
  return printer.printDocToString(doc, { printWidth: width, tabWidth: 2 }).formatted;
}

/**
 * `interface X {…}` for objects with properties, `type X = …;` otherwise, laid out as prettier does
 * at `width` columns.
 */
export function printDeclaration(name: string, node: TypeNode, width = 80): string {
  const id = toTypeName(name);
  if (node.kind === "object" && node.properties.length > 0) {
    const members = objectMembers(node).map((m) => [member(m), ";"]);
    return printDoc(["interface ", id, " {", indent([hardline, join(hardline, members)]), hardline, "}"], width);
  }
  return printDoc([typeAlias(["type ", id], tsOf(node)), ";"], width);
}

/**
 * The one-line type of a node, as the Fields and Definitions tables show it: its document with
 * every line removed (prettier's `removeLines`, which also takes each `ifBreak`'s flat side).
 */
export function typeText(node: TypeNode): string {
  return printDoc(utils.removeLines(print(tsOf(node), "other")));
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

/** Where a type sits, for the union printer: it indents, parenthesizes or lets the parent lay it out. */
type Position = "annotation" | "alias" | "array" | "type-argument" | "other";

function print(type: Ts, position: Position): Doc {
  switch (type.kind) {
    case "keyword":
      return type.name;
    case "literal":
      return typeof type.value === "string" ? stringLiteral(type.value) : typeof type.value === "number" ? numberLiteral(type.value) : String(type.value);
    case "reference":
      return [type.name, typeArguments(type.args)];
    case "array":
      return [operand(type.element), "[]"];
    case "union":
      return union(type, position);
    case "intersection":
      return intersection(type);
    case "tuple":
      return tuple(type);
    case "object":
      return objectType(type.members, type.expanded);
  }
}

/** prettier's shouldHugUnionType: one object-like member (a type literal or reference) plus `null`s. */
function hugs(type: Ts & { kind: "union" }): boolean {
  const objectLike = type.types.find((t) => t.kind === "object" || t.kind === "reference");
  return objectLike !== undefined && type.types.every((t) => t === objectLike || (t.kind === "keyword" && t.name === "null"));
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

/**
 * print/intersection-type.js: between two non-object types `&` may break onto an indented line;
 * between two type literals ` & ` stays; from one to the other the type is inlined.
 */
function intersection(type: Ts & { kind: "intersection" }): Doc {
  const isObject = (t: Ts | undefined) => t?.kind === "object";
  const parts: Doc[] = [];
  let wasIndented = false;
  type.types.forEach((t, i) => {
    const printed = t.kind === "union" ? ["(", print(t, "array"), ")"] : print(t, "other");
    const previous = type.types[i - 1];
    if (i === 0) parts.push(printed);
    else if (!isObject(previous) && !isObject(t)) parts.push(indent([" &", line, printed]));
    else if (isObject(previous) && isObject(t)) parts.push([" & ", wasIndented ? indent(printed) : printed]);
    else {
      if (i > 1) wasIndented = true;
      parts.push(" & ", i > 1 ? indent(printed) : printed);
    }
  });
  return group(parts);
}

/** A type before a postfix `[]` or `?`: unions and intersections in parentheses. */
function operand(type: Ts): Doc {
  return type.kind === "union" || type.kind === "intersection" ? ["(", print(type, "array"), ")"] : print(type, "other");
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
function tuple(type: Ts & { kind: "tuple" }): Doc {
  // A union element gets parentheses only when it breaks, as prettier prints it.
  const element = (t: Ts): Doc => (t.kind === "union" && !hugs(t) ? group([ifBreak("("), print(t, "array"), ifBreak(")")]) : print(t, "other"));
  const elements: Doc[] = type.elements.map((e) => group(e.optional ? [operand(e.type), "?"] : element(e.type)));
  if (type.rest !== undefined) elements.push(group(["...", operand(type.rest), "[]"]));
  if (elements.length === 0) return "[]";
  return group(["[", indent([softline, join([",", line], elements), ifBreak(",")]), softline, "]"]);
}

/**
 * print/class-body.js for a type literal: `{ a: T; b: U }` when it fits (no `;` after the last
 * member), else one member a line, each ending in `;`. Written expanded (a line break after `{`),
 * it stays expanded, so its last `;` is always printed: in a one-line cell too, as the spec page's
 * Fields table has it (`{ a: string; b?: number; }`, where a value's object reads `{ w: 1; h: 2 }`).
 */
function objectType(members: readonly Member[], expanded: boolean): Doc {
  const parts = members.map((m, i) => [member(m), i === members.length - 1 && !expanded ? ifBreak(";") : ";"]);
  return group(["{", indent([line, join(line, parts)]), line, "}"], { shouldBreak: expanded });
}

function member(m: Member): Doc {
  if (m.kind === "index") {
    // print/index-signature.js: even `[key: string]` breaks when what follows does not fit.
    return ["[", group([indent([softline, "key: string"]), softline]), "]: ", print(m.type, "annotation")];
  }
  return [propertyKeyLiteral(m.key), m.optional ? "?" : "", ": ", print(m.type, "annotation")];
}
