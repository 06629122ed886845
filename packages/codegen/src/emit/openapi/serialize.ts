import { stringify } from "yaml";
import type { Json } from "../../model/types.js";

/** Two-space JSON, LF, trailing newline; key order is the value's (already sorted). */
export function toJsonText(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * YAML with the same key order as the JSON twin. No anchors/aliases (readers of a shared fragment
 * should not need to resolve them) and no line folding (keeps long descriptions diff-friendly).
 */
export function toYamlText(value: Json): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0, indent: 2 });
}
