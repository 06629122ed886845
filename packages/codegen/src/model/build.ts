import { InternalError } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { getAtPointer, joinPointer, splitPointer } from "../load/pointer.js";
import { isAnnotation } from "../schema/keywords.js";
import { definitionName } from "../schema/names.js";
import { indexSchemas, isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";
import type { Annotations, DefinitionRef, DocsMeta, Entity, Json, Model, ObjectNode, TypeNode } from "./types.js";
import { compareCodeUnits } from "../errors.js";

type SchemaObject = { readonly [keyword: string]: Json };

export const DEFAULT_DOCS: DocsMeta = { section: "Reference", group: "Types", order: 100 };

/** Builds the model from sources that passed validation. */
export function buildModel(sources: readonly SourceFile[]): Model {
  const index = indexSchemas(new Map(sources.map((s) => [s.file, s.value])));
  const entities = sources.map((source) => buildEntity(source, index));
  entities.sort((a, b) => compareCodeUnits(a.name, b.name));
  // The indexes every stage after this one looks entities and files up in: built once per model.
  const byFile = new Map(entities.map((e) => [e.file, e]));
  return deepFreeze({ entities, index: indexSchemas(new Map(entities.map((e) => [e.file, e.schema as Json]))), byFile });
}

function buildEntity(source: SourceFile, index: SchemaIndex): Entity {
  const schema = source.value;
  if (!isObject(schema)) throw new InternalError(`${source.file} reached the model without being an object`);
  const ctx: Context = { file: source.file, index };
  const root = normalize(schema, "", ctx);
  if (root.kind !== "object") throw new InternalError(`${source.file}: root normalized to ${root.kind}`);
  const defs = isObject(schema["$defs"]) ? schema["$defs"] : {};
  const docs = isObject(schema["x-docs"]) ? (schema["x-docs"] as unknown as DocsMeta) : DEFAULT_DOCS;
  const description = schema["description"];
  return {
    name: schema["title"] as string,
    slug: source.file.replace(/^.*\//, "").replace(/\.schema\.json$/, ""),
    file: source.file,
    id: schema["$id"] as string,
    ...(typeof description === "string" ? { description } : {}),
    docs: { section: docs.section, group: docs.group, order: docs.order },
    schema,
    root,
    definitions: Object.keys(defs).map((key) => {
      const pointer = joinPointer("", "$defs", key);
      return { name: definitionName(defs[key] as Json, key), pointer, type: normalize(defs[key] as Json, pointer, ctx) };
    }),
    locate: (pointer: string) => source.locate(pointer),
  };
}

interface Context {
  readonly file: string;
  readonly index: SchemaIndex;
}

/**
 * Turns one subschema into a type node. Pure; recursion through `$ref` stops at the ref. The first
 * of `$ref`, `enum`, `const`, `anyOf`, `oneOf` decides the kind and only annotations are kept next
 * to it: validation (validate/siblings.ts) refuses any other sibling, so nothing is dropped here.
 */
export function normalize(schema: Json, pointer: string, ctx: Context): TypeNode {
  if (schema === true || (isObject(schema) && Object.keys(schema).every((k) => !isTypeKeyword(k)))) {
    return { kind: "unknown", ...annotations(schema, pointer) };
  }
  if (!isObject(schema)) throw new InternalError(`${ctx.file}#${pointer}: unsupported schema ${JSON.stringify(schema)}`);
  const notes = annotations(schema, pointer);

  if (typeof schema["$ref"] === "string") {
    return { kind: "ref", ref: schema["$ref"], target: refTarget(schema["$ref"], ctx), ...notes };
  }
  if (Array.isArray(schema["enum"])) {
    return { kind: "enum", values: schema["enum"] as (string | number | boolean | null)[], ...notes };
  }
  if ("const" in schema) return { kind: "const", value: schema["const"] as Json, ...notes };
  for (const via of ["anyOf", "oneOf"] as const) {
    const branches = schema[via];
    if (Array.isArray(branches)) {
      return {
        kind: "union",
        via,
        members: branches.map((branch: Json, i: number) => normalize(branch, joinPointer(pointer, via, i), ctx)),
        ...notes,
      };
    }
  }
  const type = schema["type"];
  if (Array.isArray(type)) {
    // ["string", "null"]: each member keeps the keywords that apply to its type.
    return {
      kind: "union",
      via: "type",
      members: (type as string[]).map((t) => normalizeTyped(t, schema, pointer, ctx, {})),
      ...notes,
    };
  }
  if (typeof type === "string") return normalizeTyped(type, schema, pointer, ctx, notes);
  // Keywords without a type (e.g. only "properties"): infer from them.
  if ("properties" in schema || "additionalProperties" in schema) return normalizeTyped("object", schema, pointer, ctx, notes);
  if ("items" in schema) return normalizeTyped("array", schema, pointer, ctx, notes);
  return { kind: "unknown", ...notes };
}

function normalizeTyped(type: string, schema: SchemaObject, pointer: string, ctx: Context, notes: Annotations | { pointer?: string }): TypeNode {
  const base = { pointer, ...notes };
  const num = (k: string) => (typeof schema[k] === "number" ? { [k]: schema[k] as number } : {});
  const str = (k: string) => (typeof schema[k] === "string" ? { [k]: schema[k] as string } : {});
  switch (type) {
    case "string":
      return { kind: "string", ...base, ...str("format"), ...str("pattern"), ...num("minLength"), ...num("maxLength") };
    case "number":
    case "integer":
      return {
        kind: type,
        ...base,
        ...num("minimum"),
        ...num("maximum"),
        ...num("exclusiveMinimum"),
        ...num("exclusiveMaximum"),
        ...num("multipleOf"),
      };
    case "boolean":
      return { kind: "boolean", ...base };
    case "null":
      return { kind: "null", ...base };
    case "array": {
      const items = schema["items"];
      return {
        kind: "array",
        ...base,
        items: items === undefined ? { kind: "unknown", pointer: joinPointer(pointer, "items") } : normalize(items, joinPointer(pointer, "items"), ctx),
        ...num("minItems"),
        ...num("maxItems"),
        ...(schema["uniqueItems"] === true ? { uniqueItems: true } : {}),
      };
    }
    case "object":
      return normalizeObject(schema, base, ctx);
    default:
      throw new InternalError(`${ctx.file}#${pointer}: unknown type ${type}`);
  }
}

function normalizeObject(schema: SchemaObject, base: Annotations, ctx: Context): ObjectNode {
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const required = new Set(Array.isArray(schema["required"]) ? (schema["required"] as string[]) : []);
  const extra = schema["additionalProperties"];
  return {
    kind: "object",
    ...base,
    properties: Object.keys(properties).map((name) => ({
      name,
      required: required.has(name),
      type: normalize(properties[name] as Json, joinPointer(base.pointer, "properties", name), ctx),
    })),
    additionalProperties:
      extra === false
        ? false
        : extra === undefined || extra === true
          ? { kind: "unknown", pointer: joinPointer(base.pointer, "additionalProperties") }
          : normalize(extra, joinPointer(base.pointer, "additionalProperties"), ctx),
  };
}

function refTarget(ref: string, ctx: Context): DefinitionRef {
  const resolved = resolveRef(ctx.file, ref, ctx.index);
  if (!resolved.ok) throw new InternalError(`${ctx.file}: unresolved $ref ${ref} reached the model`);
  const { file, pointer } = resolved.target;
  const doc = ctx.index.files.get(file);
  const target = getAtPointer(doc, pointer) as Json;
  const key = splitPointer(pointer).pop();
  const name = pointer === "" && isObject(doc) ? String(doc["title"]) : definitionName(target, key ?? "");
  return { file, pointer, name };
}

function isTypeKeyword(keyword: string): boolean {
  return !isAnnotation(keyword);
}

function annotations(schema: Json, pointer: string): Annotations {
  if (!isObject(schema)) return { pointer };
  const out: { -readonly [K in keyof Annotations]: Annotations[K] } = { pointer };
  if (typeof schema["title"] === "string" && pointer !== "") out.title = schema["title"];
  if (typeof schema["description"] === "string") out.description = schema["description"];
  if (schema["readOnly"] === true) out.readOnly = true;
  if (schema["writeOnly"] === true) out.writeOnly = true;
  if (schema["deprecated"] === true) out.deprecated = true;
  if (Array.isArray(schema["examples"])) out.examples = schema["examples"] as Json[];
  if ("default" in schema) out.default = schema["default"] as Json;
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
