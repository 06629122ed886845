import { sourceFile } from "../../model/views.js";
import type { Model } from "../../model/types.js";
import { doNotEditHeader } from "../emitter.js";
import { entityDescription, INDEX_DESCRIPTION, INDEX_TITLE } from "./frontmatter.js";
import { numberLiteral, propertyKeyLiteral, stringLiteral } from "./literals.js";
import { displayWidth } from "./width.js";

/** The module's line width (the repository's prettier setting for TypeScript sources). */
const WIDTH = 100;

type Value = string | number;

/**
 * `src/generated/pages.ts` of @contracts/docs: every page with its frontmatter, typed, so the docs
 * site can build its navigation without parsing Markdown.
 *
 * Printed directly in the layout prettier gives it at 100 columns rather than by prettier (about
 * 300 ms for 200 entities) or by the document printer of doc.ts (tens of milliseconds cold, and
 * this runs once per generate, cold): the module has three fixed shapes, whose prettier rules are
 * spelled out below. Tests check the result against prettier.
 */
export function renderPagesModule(all: Model, pagePath: (name: string) => string, indexPath: string): string {
  // Views (`XInput`, `XPatch`) have no page of their own.
  const model = { ...all, entities: all.entities.filter((e) => !e.view) };
  const pages = model.entities.map((e): Record<string, Value> => ({
    name: e.name,
    path: pagePath(e.name),
    title: e.name,
    description: entityDescription(e),
    section: e.docs.section,
    group: e.docs.group,
    order: e.docs.order,
  }));
  return [
    doNotEditHeader(model.entities.map(sourceFile)),
    "",
    "/** Name of an entity that has a reference page. */",
    unionAlias(
      "export type EntityName",
      model.entities.map((e) => stringLiteral(e.name)),
    ),
    "",
    "/** An entity's reference page and its frontmatter. */",
    "export interface EntityPage {",
    "  readonly name: EntityName;",
    "  /** Path inside the package: the page is `@contracts/docs/${path}`. */",
    "  readonly path: string;",
    "  readonly title: string;",
    "  readonly description: string;",
    "  readonly section: string;",
    "  readonly group: string;",
    "  readonly order: number;",
    "}",
    "",
    "/** The index page and its frontmatter. */",
    "export interface IndexPage {",
    "  readonly path: string;",
    "  readonly title: string;",
    "  readonly description: string;",
    "}",
    "",
    "/** Every entity page, by entity name (code-unit order). */",
    objectsConst("export const entityPages: readonly EntityPage[]", pages),
    "",
    objectConst("export const indexPage: IndexPage", { path: indexPath, title: INDEX_TITLE, description: INDEX_DESCRIPTION }),
    "",
  ].join("\n");
}

const fits = (line: string) => displayWidth(line) <= WIDTH;

/**
 * `<left> = "A" | "B";`: on one line if it fits, else the union alone on the next line if that
 * fits, else one `| member` a line (prettier's "break-after-operator" layout of a union). A single
 * member, or `never`, moves to the next line only when it does not fit ("fluid").
 */
function unionAlias(left: string, members: readonly string[]): string {
  const flat = members.length === 0 ? "never" : members.join(" | ");
  if (fits(`${left} = ${flat};`)) return `${left} = ${flat};`;
  if (members.length < 2 || fits(`  ${flat};`)) return `${left} =\n  ${flat};`;
  return `${left} =\n${members.map((m) => `  | ${m}`).join("\n")};`;
}

/**
 * `<left> = [ … ];` for an array of objects: on one line only when it fits (never with several
 * objects of several properties, which always break the array, print/array.js), else one element
 * a line at two spaces.
 */
function objectsConst(left: string, objects: readonly Record<string, Value>[]): string {
  if (objects.length === 0) return `${left} = [];`;
  if (objects.length === 1 && fits(`${left} = [${flatObject(objects[0] as Record<string, Value>)}];`)) {
    return `${left} = [${flatObject(objects[0] as Record<string, Value>)}];`;
  }
  return `${left} = [\n${objects.map((o) => `${object(o, "  ")},`).join("\n")}\n];`;
}

/** `<left> = { … };`: on one line if it fits, else `= {` stays and the object breaks. */
function objectConst(left: string, value: Record<string, Value>): string {
  const flat = `${left} = ${flatObject(value)};`;
  return fits(flat) ? flat : `${left} = ${brokenObject(value, "")};`;
}

/** An array element at `indent`: `{ a: 1, b: 2 }` when it fits with its comma, else broken. */
function object(value: Record<string, Value>, indent: string): string {
  const flat = flatObject(value);
  return fits(`${indent}${flat},`) ? `${indent}${flat}` : `${indent}${brokenObject(value, indent)}`;
}

/** One property a line, each with a trailing comma (print/object.js). */
function brokenObject(value: Record<string, Value>, indent: string): string {
  const inner = `${indent}  `;
  return `{\n${Object.entries(value)
    .map(([key, v]) => `${property(propertyKeyLiteral(key), v, inner)},`)
    .join("\n")}\n${indent}}`;
}

function flatObject(value: Record<string, Value>): string {
  return `{ ${Object.entries(value)
    .map(([key, v]) => `${propertyKeyLiteral(key)}: ${literal(v)}`)
    .join(", ")} }`;
}

/**
 * A property on its own line. A string value that does not fit moves to the next line, indented,
 * unless the key is shorter than 5 columns (tab width + 3, where breaking gains little); a number
 * stays beside its key (print/assignment.js).
 */
function property(key: string, value: Value, indent: string): string {
  const line = `${indent}${key}: ${literal(value)}`;
  if (typeof value === "number" || key.length < 5 || fits(`${line},`)) return line;
  return `${indent}${key}:\n${indent}  ${literal(value)}`;
}

function literal(value: Value): string {
  return typeof value === "number" ? numberLiteral(value) : stringLiteral(value);
}
