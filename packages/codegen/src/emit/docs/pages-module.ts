import type { Model } from "../../model/types.js";
import { doNotEditHeader } from "../emitter.js";
import { literalUnion, typeAlias } from "./declaration.js";
import { group, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from "./doc.js";
import { entityDescription, INDEX_DESCRIPTION, INDEX_TITLE } from "./frontmatter.js";
import { numberLiteral, propertyKeyLiteral, stringLiteral } from "./literals.js";

/** The module's line width (the repository's prettier setting for TypeScript sources). */
const WIDTH = 100;

/**
 * `src/generated/pages.ts` of @contracts/docs: every page with its frontmatter, typed, so the docs
 * site can build its navigation without parsing Markdown. Printed directly in the layout prettier
 * gives it at 100 columns (see doc.ts for why prettier itself is not called): the fixed part is
 * written in that layout, the three statements that hold data go through the document printer.
 */
export function renderPagesModule(model: Model, pagePath: (name: string) => string, indexPath: string): string {
  const pages = model.entities.map((e) => ({
    name: e.name,
    path: pagePath(e.name),
    title: e.name,
    description: entityDescription(e),
    section: e.docs.section,
    group: e.docs.group,
    order: e.docs.order,
  }));
  const entityName = literalUnion(model.entities.map((e) => stringLiteral(e.name)));
  return [
    doNotEditHeader(model.entities.map((e) => e.file)),
    "",
    "/** Name of an entity that has a reference page. */",
    printDoc(["export ", typeAlias(["type ", "EntityName"], entityName), ";"], WIDTH),
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
    printDoc(constDeclaration("entityPages: readonly EntityPage[]", arrayLiteral(pages.map(objectLiteral))), WIDTH),
    "",
    printDoc(constDeclaration("indexPage: IndexPage", objectLiteral({ path: indexPath, title: INDEX_TITLE, description: INDEX_DESCRIPTION })), WIDTH),
    "",
  ].join("\n");
}

/** `export const <left> = <value>;` with prettier's "fluid" assignment layout. */
function constDeclaration(left: string, value: Doc): Doc {
  const id = Symbol("assignment");
  return ["export const ", group([left, " =", group(indent(line), { id }), indentIfBreak(value, id)]), ";"];
}

/** print/array.js: an array of several objects always breaks, one element a line. */
function arrayLiteral(elements: readonly Doc[]): Doc {
  if (elements.length === 0) return "[]";
  return group(["[", indent([softline, join([",", line], elements.map((e) => group(e))), ifBreak(",")]), softline, "]"], {
    shouldBreak: elements.length > 1,
  });
}

/** print/object.js: `{ a: 1, b: 2 }` when it fits, else one property a line with a trailing comma. */
function objectLiteral(record: { readonly [key: string]: string | number }): Doc {
  const properties = Object.entries(record).map(([key, value]) => property(propertyKeyLiteral(key), value));
  return group(["{", indent([line, join([",", line], properties)]), ifBreak(","), line, "}"]);
}

/**
 * print/assignment.js for a property: a string value moves to the next line when the property
 * does not fit, unless the key is shorter than 5 columns (tab width + 3), where breaking gains
 * little; a number stays on the key's line.
 */
function property(key: string, value: string | number): Doc {
  if (typeof value === "number" || key.length < 5) return group([key, ": ", typeof value === "number" ? numberLiteral(value) : stringLiteral(value)]);
  return group([key, ":", group(indent([line, stringLiteral(value)]))]);
}
