import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { isAnnotation } from "../schema/keywords.js";
import { isObject } from "../schema/refs.js";

type Add = (pointer: string, message: string, hint: string) => void;

/**
 * The model gives a node one kind, decided by the first of these keywords it has (see
 * `normalize` in model/build.ts), and keeps only annotations next to it (and `type` next to an
 * enum or const, whose values are checked against it). JSON Schema applies every keyword of an
 * object, so a sibling the model drops would still constrain in Ajv but vanish from the types,
 * fixtures and docs: it is refused here instead.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2 (applicators and siblings)
 */
const LEADS = ["$ref", "enum", "const", "anyOf", "oneOf"] as const;
type Lead = (typeof LEADS)[number];

const KEPT_BESIDE: { readonly [L in Lead]: ReadonlySet<string> } = {
  $ref: new Set(),
  enum: new Set(["type"]),
  const: new Set(["type"]),
  anyOf: new Set(),
  oneOf: new Set(),
};

export function checkSiblings(node: Json, pointer: string, add: Add): void {
  if (!isObject(node)) return;
  const lead = LEADS.find((k) => isLead(node, k));
  if (lead === undefined) return;
  for (const keyword of Object.keys(node)) {
    if (keyword === lead || isAnnotation(keyword) || KEPT_BESIDE[lead].has(keyword)) continue;
    add(
      joinPointer(pointer, keyword),
      `"${keyword}" next to "${lead}" is not supported: the emitters follow the "${lead}" alone and would silently drop it`,
      hintFor(lead, keyword),
    );
  }
}

function isLead(node: { readonly [key: string]: Json }, keyword: Lead): boolean {
  switch (keyword) {
    case "$ref":
      return typeof node["$ref"] === "string";
    case "const":
      return "const" in node;
    default:
      return Array.isArray(node[keyword]);
  }
}

function hintFor(lead: Lead, keyword: string): string {
  const annotations = "only annotations (description, title, readOnly, default, examples, deprecated, x-...) may sit next to it";
  switch (lead) {
    case "$ref":
      return `move "${keyword}" into the definition the $ref points at (or a new "$defs" entry that has it); ${annotations}`;
    case "anyOf":
    case "oneOf":
      return `move "${keyword}" into each branch of "${lead}"; ${annotations}`;
    case "enum":
    case "const":
      return `remove "${keyword}": the "${lead}" lists every valid value already; only "type" and annotations may sit next to it`;
  }
}
