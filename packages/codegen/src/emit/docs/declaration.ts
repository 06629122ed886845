import type { TypeNode } from "../../model/types.js";
import { toTypeName } from "../../schema/names.js";
import { builders, printer } from "prettier/doc";
import { numberLiteral, propertyKeyLiteral, stringLiteral } from "./literals.js";
import { objectMembers, tsOf, type Member, type Ts } from "./syntax.js";

/*
 * The Definition blocks' TypeScript, laid out as prettier's typescript printer lays out the
 * declaration text of type-text.ts (prettier defaults: 80 columns, semicolons, trailing commas).
 * The model is first turned into its type syntax (`Ts`, syntax.ts: the tree every docs text is
 * printed from), then built into the documents prettier builds for each node kind (print/union-type.js,
 * class-body.js, type-parameters.js, array.js, assignment.js of prettier 3.10) and printed by
 * prettier's own document printer (`prettier/doc`, which parses nothing: calling prettier itself
 * costs about 5 ms a declaration). Tests check the result against prettier itself.
 */

type Doc = builders.Doc;
const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } = builders;

/** `doc` laid out as prettier lays out TypeScript by default: 80 columns, two-space indents. */
function printDoc(doc: Doc): string {
  return printer.printDocToString(doc, { printWidth: 80, tabWidth: 2 }).formatted;
}

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
