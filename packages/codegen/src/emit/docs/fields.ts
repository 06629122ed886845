import type { ObjectNode, PropertyNode } from "../../model/types.js";
import { cellText, codeCell, table } from "./markdown.js";
import { typeText } from "./declaration.js";

/**
 * Notes cell: tags in a fixed order (`readonly`, `writeonly`, `required`, `deprecated`), then
 * ` — ` and the property's own description when it has one.
 */
export function notes(property: PropertyNode): string {
  const t = property.type;
  const tags = [
    t.readOnly === true ? "readonly" : undefined,
    t.writeOnly === true ? "writeonly" : undefined,
    property.required ? "required" : undefined,
    t.deprecated === true ? "deprecated" : undefined,
  ]
    .filter((tag) => tag !== undefined)
    .map((tag) => `\`${tag}\``)
    .join(" ");
  const description = t.description === undefined ? "" : cellText(t.description.trim());
  return [tags, description].filter((part) => part !== "").join(" — ");
}

/** The Field | Type | Notes table of an object's declared properties, in schema order. */
export function fieldsTable(node: ObjectNode): string {
  return table(
    ["Field", "Type", "Notes"],
    node.properties.map((p) => [codeCell(p.name), codeCell(typeText(p.type)), notes(p)]),
  );
}
