import { dump } from "js-yaml";
import { InternalError } from "../../errors.js";
import type { Json } from "../../model/types.js";

/** Two-space JSON, LF, trailing newline; key order is the value's (already sorted). */
export function toJsonText(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * YAML with the same key order as the JSON twin. No anchors/aliases (readers of a shared fragment
 * should not need to resolve them) and no line folding (keeps long descriptions diff-friendly).
 * js-yaml rather than `yaml`: the same text for our documents, four times faster to print (the
 * `yaml` package stays, in the tests, as an independent parser of what we print).
 */
export function toYamlText(value: Json): string {
  return dump(value, YAML_OPTIONS);
}

const YAML_OPTIONS = { noRefs: true, lineWidth: -1, indent: 2, quotingType: '"' } as const;

/**
 * Each component as the lines `toYamlText` prints for it under `components/schemas` (indented by
 * four). Printed per entity, in its (cached) entity step, so the aggregate step only joins them:
 * YAML printing was most of the aggregate's time. Without line folding (`lineWidth: -1`) a block
 * prints the same at any depth, so shifting it is exact.
 */
export function toYamlComponents(schemas: Readonly<Record<string, Json>>): Record<string, string> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, indent(dump({ [name]: schema }, YAML_OPTIONS), "    ")]));
}

/**
 * `toYamlText(document)` for a document whose `components.schemas` (its first entry, keys sorted)
 * holds the components `blocks` were printed from, in this order.
 */
export function toYamlDocument(document: Json & { components: { schemas: Record<string, Json> } }, blocks: readonly string[]): string {
  if (blocks.length === 0) return toYamlText(document);
  const rest = toYamlText({ ...(document as { [key: string]: Json }), components: { schemas: {} } });
  const empty = "components:\n  schemas: {}\n";
  if (!rest.startsWith(empty)) throw new InternalError("openapi: components must come first in the YAML document");
  return `components:\n  schemas:\n${blocks.join("")}${rest.slice(empty.length)}`;
}

/** `text` with `by` before every line that is not empty. */
export function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");
}
