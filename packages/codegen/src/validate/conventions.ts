import type { Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { isExtension, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from "../schema/keywords.js";
import { isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";
import { walkSchemas } from "../schema/walk.js";

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The project's own rules on top of JSON Schema (see ARCHITECTURE.md, "Schema conventions"):
 * a PascalCase title, an object root, closed objects, resolvable refs, keywords we can emit.
 * Runs on files that passed the meta-schema, so keyword values have their JSON Schema shapes.
 */
export function checkConventions(source: SourceFile, index: SchemaIndex): Problem[] {
  const problems: Problem[] = [];
  const add = (pointer: string, message: string, hint: string) =>
    problems.push({ file: source.file, pointer, ...source.locate(pointer), message, hint });
  const root = source.value;
  if (!isObject(root)) return problems;

  const title = root["title"];
  if (typeof title !== "string") {
    add("", "has no \"title\": the title is the entity's exported name", "add \"title\": \"EntityName\" (PascalCase, unique across schemas/)");
  } else if (!PASCAL_CASE.test(title)) {
    add("/title", `title ${JSON.stringify(title)} is not a PascalCase identifier`, `rename it to ${JSON.stringify(toPascalCase(title))}: letters and digits, starting with an upper-case letter`);
  }
  if (typeof root["$id"] !== "string") {
    add("", "has no \"$id\"", `add a stable "$id", e.g. "https://contracts.dev/${source.file}"`);
  }
  if (root["type"] !== "object") {
    add(root["type"] === undefined ? "" : "/type", "the root is not an object schema: an entity is an object", "set \"type\": \"object\" at the root and describe the entity's fields under \"properties\"");
  }
  const docs = root["x-docs"];
  if (docs !== undefined) {
    const ok = isObject(docs) && typeof docs["section"] === "string" && typeof docs["group"] === "string" && typeof docs["order"] === "number";
    if (!ok) add("/x-docs", "\"x-docs\" must be an object with string \"section\", string \"group\" and number \"order\"", "write e.g. \"x-docs\": { \"section\": \"Reference\", \"group\": \"Types\", \"order\": 50 }");
  }

  walkSchemas(root, (node, pointer) => checkNode(node, pointer, source, index, add));
  return problems;
}

function checkNode(
  node: Json,
  pointer: string,
  source: SourceFile,
  index: SchemaIndex,
  add: (pointer: string, message: string, hint: string) => void,
): void {
  // `additionalProperties: false` is how objects are closed; `false` anywhere else is unsupported.
  if (node === false && !pointer.endsWith("/additionalProperties")) {
    add(pointer, "the schema `false` (nothing is valid) is not supported", "remove the property, or describe the values it takes");
    return;
  }
  if (!isObject(node)) return;
  for (const keyword of Object.keys(node)) {
    if (SUPPORTED_KEYWORDS.has(keyword) || isExtension(keyword)) continue;
    add(joinPointer(pointer, keyword), `keyword "${keyword}" is not supported by the emitters`, "express the constraint with supported keywords (see README, \"Schema conventions\") or open an issue to support it");
  }
  const format = node["format"];
  if (typeof format === "string" && !SUPPORTED_FORMATS.has(format)) {
    add(joinPointer(pointer, "format"), `format "${format}" is not supported`, `use one of ${[...SUPPORTED_FORMATS].join(", ")}, or a "pattern"`);
  }
  const properties = node["properties"];
  if (isObject(properties)) {
    if (node["additionalProperties"] !== false) {
      add(pointer === "" ? "" : pointer, "an object with declared properties must be closed", "add \"additionalProperties\": false (use { \"type\": \"object\", \"additionalProperties\": {} } for an open record)");
    }
    const required = node["required"];
    if (Array.isArray(required)) {
      required.forEach((name: Json, i: number) => {
        if (typeof name === "string" && !Object.hasOwn(properties, name)) {
          add(joinPointer(pointer, "required", i), `required property "${name}" is not declared in "properties"`, "declare it under \"properties\" or remove it from \"required\"");
        }
      });
    }
  }
  const enumValues = node["enum"];
  if (Array.isArray(enumValues)) {
    enumValues.forEach((value: Json, i: number) => {
      if (value !== null && typeof value === "object") {
        add(joinPointer(pointer, "enum", i), "enum values must be strings, numbers, booleans or null", "use \"const\" or an object schema for structured values");
      }
    });
  }
  const ref = node["$ref"];
  if (typeof ref === "string") {
    const resolved = resolveRef(source.file, ref, index);
    if (!resolved.ok) {
      add(joinPointer(pointer, "$ref"), resolved.reason, resolved.hint);
    } else if (resolved.target.pointer !== "" && !/^\/\$defs\/[^/]+$/.test(resolved.target.pointer)) {
      add(joinPointer(pointer, "$ref"), `$ref "${ref}" points inside a schema (${resolved.target.pointer}); only a schema root or a "$defs" entry has a name to generate`, "move the shared part under \"$defs\" and point at \"#/$defs/Name\"");
    }
  }
}

function toPascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[A-Z]/.test(name) ? name : `Entity${name}`;
}
