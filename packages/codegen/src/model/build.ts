import { compareCodeUnits, InternalError } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { getAtPointer, joinPointer, splitPointer } from "../load/pointer.js";
import { definitionName } from "../schema/names.js";
import { indexSchemas, isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";
import { keywordSpec, type InstanceType } from "./keywords/index.js";
import type { ViewSource } from "./views.js";
import type {
  Annotations,
  ArrayNode,
  DefinitionRef,
  DocsMeta,
  Entity,
  Json,
  Keywords,
  Model,
  NumberNode,
  ObjectNode,
  SchemaNode,
  StringNode,
  TypeNode,
} from "./types.js";

export const DEFAULT_DOCS: DocsMeta = { section: "Reference", group: "Types", order: 100 };

/** Builds the model from sources that passed validation. */
export function buildModel(sources: readonly SourceFile[], views: readonly ViewSource[] = []): Model {
  const all = [...sources, ...views.map((v) => v.source)];
  const index = indexSchemas(new Map(all.map((s) => [s.file, s.value])));
  const entities = [...sources.map((source) => buildEntity(source, index)), ...views.map(({ source, view }) => ({ ...buildEntity(source, index), view }))];
  entities.sort((a, b) => compareCodeUnits(a.name, b.name));
  // The indexes every stage after this one looks entities and files up in: built once per model.
  const byFile = new Map(entities.map((e) => [e.file, e]));
  return deepFreeze({ entities, index: indexSchemas(new Map(entities.map((e) => [e.file, e.schema as Json]))), byFile });
}

/** Per-file state of one build: built once per file, read by every node of it. */
interface Context {
  readonly file: string;
  readonly index: SchemaIndex;
  /** Every node built so far, by pointer (becomes `Entity.nodes`). */
  readonly nodes: Map<string, SchemaNode>;
}

function buildEntity(source: SourceFile, index: SchemaIndex): Entity {
  const schema = source.value;
  if (!isObject(schema)) throw new InternalError(`${source.file} reached the model without being an object`);
  const ctx: Context = { file: source.file, index, nodes: new Map() };
  const node = buildNode(schema, "", ctx);
  const defs = node.keywords.$defs ?? {};
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
    root: node.view,
    node,
    nodes: ctx.nodes,
    definitions: Object.keys(defs).map((key) => {
      const def = defs[key] as SchemaNode;
      return { name: definitionName(def.schema, key), pointer: def.pointer, type: def.view, node: def };
    }),
    locate: (pointer: string) => source.locate(pointer),
  };
}

/**
 * The lossless node of one subschema: each keyword normalised by its registry entry, children
 * first (through the registry's positions), then the kind view from the normalised keywords.
 * Pure; a `$ref` is a leaf (its target is another node of the model, named by `DefinitionRef`).
 */
export function buildNode(schema: Json, pointer: string, ctx: Context): SchemaNode {
  const keywords: Record<string, unknown> = {};
  const extensions: Record<string, Json> = {};
  if (isObject(schema)) {
    for (const key of Object.keys(schema)) {
      const value = schema[key] as Json;
      const spec = keywordSpec(key);
      const at = joinPointer(pointer, key);
      if (spec === undefined) extensions[key] = value;
      else if (spec.positions === "schema") keywords[key] = buildNode(value, at, ctx);
      else if (spec.positions === "array")
        keywords[key] = Array.isArray(value) ? value.map((sub: Json, i: number) => buildNode(sub, joinPointer(at, i), ctx)) : [];
      else if (spec.positions === "map") {
        const named: Record<string, SchemaNode> = {};
        if (isObject(value)) for (const name of Object.keys(value)) named[name] = buildNode(value[name] as Json, joinPointer(at, name), ctx);
        keywords[key] = named;
      } else {
        const normalised = spec.normalise(value);
        if (normalised !== undefined) keywords[key] = normalised;
      }
    }
  } else if (typeof schema !== "boolean") {
    throw new InternalError(`${ctx.file}#${pointer}: a schema must be an object or a boolean, got ${JSON.stringify(schema)}`);
  }
  const kw = keywords as Keywords;
  const node: SchemaNode = { pointer, schema, keywords: kw, extensions, view: viewOf(schema, kw, pointer, ctx) };
  ctx.nodes.set(pointer, node);
  return node;
}

/** The JSON types in `type`'s order of the spec, for the implicit union of typeless keywords. */
const ALL_TYPES: readonly InstanceType[] = ["null", "boolean", "object", "array", "number", "string"];

/**
 * The kind view. A node written with one kind-deciding part (`$ref`, typed keywords, `enum`,
 * `const`, `anyOf`, `oneOf`, `allOf`, `not`, `if`) is that part's node, annotations beside it; with
 * several it is their intersection (`via: "siblings"`), as JSON Schema applies every keyword of
 * an object; with none, any value. `type` beside `enum`/`const` alone adds nothing to the view
 * (validation checks every listed value has the type) and stays in the lossless node.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-7.6 (keywords are independent)
 */
function viewOf(schema: Json, kw: Keywords, pointer: string, ctx: Context): TypeNode {
  if (schema === false) return { kind: "never", pointer };
  const notes = annotations(kw, pointer);
  const parts: TypeNode[] = [];
  if (kw.$ref !== undefined) parts.push({ kind: "ref", pointer, ref: kw.$ref, target: refTarget(kw.$ref, pointer, ctx) });
  const listed = kw.enum !== undefined || "const" in kw;
  const typed = typedKeywords(kw);
  if (kw.type !== undefined && (!listed || typed.length > 0)) {
    const types = kw.type;
    parts.push(
      types.length === 1
        ? typedNode(types[0] as InstanceType, kw, pointer)
        : { kind: "union", via: "type", pointer, members: types.map((t) => typedNode(t, kw, pointer)) },
    );
  } else if (kw.type === undefined && typed.length > 0) {
    parts.push({ kind: "union", via: "implicit", pointer, members: ALL_TYPES.map((t) => typedNode(t, kw, pointer)) });
  }
  if (kw.enum !== undefined) parts.push({ kind: "enum", pointer, values: kw.enum });
  if ("const" in kw) parts.push({ kind: "const", pointer, value: kw.const as Json });
  for (const via of ["anyOf", "oneOf"] as const) {
    const branches = kw[via];
    if (branches !== undefined) parts.push({ kind: "union", via, pointer, members: branches.map((b) => b.view) });
  }
  if (kw.allOf !== undefined) parts.push({ kind: "intersection", via: "allOf", pointer, members: kw.allOf.map((m) => m.view) });
  if (kw.not !== undefined) parts.push({ kind: "not", pointer, not: kw.not.view });
  if (kw.if !== undefined) {
    parts.push({ kind: "conditional", pointer, if: kw.if.view, ...(kw.then ? { then: kw.then.view } : {}), ...(kw.else ? { else: kw.else.view } : {}) });
  }
  const [only] = parts;
  if (parts.length === 0 || only === undefined) return { kind: "unknown", ...notes };
  if (parts.length === 1) return { ...only, ...notes };
  return { kind: "intersection", via: "siblings", ...notes, members: parts };
}

/** The node's keywords that constrain one type only (`minLength`, `properties`...), annotations aside. */
function typedKeywords(kw: Keywords): string[] {
  return Object.keys(kw).filter((k) => {
    const spec = keywordSpec(k);
    return spec !== undefined && spec.appliesTo !== "any" && !spec.annotation;
  });
}

/** The node of one JSON type, with the keywords of the node that apply to that type. */
function typedNode(type: InstanceType, kw: Keywords, pointer: string): TypeNode {
  switch (type) {
    case "string":
      return pick<StringNode>({ kind: "string", pointer }, kw, ["format", "pattern", "minLength", "maxLength"]);
    case "number":
    case "integer":
      return pick<NumberNode>({ kind: type, pointer }, kw, ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
    case "boolean":
      return { kind: "boolean", pointer };
    case "null":
      return { kind: "null", pointer };
    case "array":
      return arrayNode(kw, pointer);
    case "object":
      return objectNode(kw, pointer);
  }
}

function pick<N>(base: object, kw: Keywords, names: readonly (keyof Keywords & keyof N)[]): N {
  const out: Record<string, unknown> = { ...base };
  for (const name of names) if (kw[name] !== undefined) out[name] = kw[name];
  return out as N;
}

function arrayNode(kw: Keywords, pointer: string): ArrayNode {
  const node: ArrayNode = {
    kind: "array",
    pointer,
    items: kw.items?.view ?? { kind: "unknown", pointer: joinPointer(pointer, "items") },
    ...(kw.prefixItems ? { prefixItems: kw.prefixItems.map((n) => n.view) } : {}),
    ...(kw.contains ? { contains: kw.contains.view } : {}),
    ...(kw.unevaluatedItems ? { unevaluatedItems: kw.unevaluatedItems.view } : {}),
  };
  return { ...pick<ArrayNode>(node, kw, ["minContains", "maxContains", "minItems", "maxItems"]), ...(kw.uniqueItems === true ? { uniqueItems: true } : {}) };
}

function objectNode(kw: Keywords, pointer: string): ObjectNode {
  const properties = kw.properties ?? {};
  const required = new Set(kw.required ?? []);
  const extra = kw.additionalProperties;
  const node: ObjectNode = {
    kind: "object",
    pointer,
    properties: Object.keys(properties).map((name) => ({ name, required: required.has(name), type: (properties[name] as SchemaNode).view })),
    additionalProperties: extra?.schema === false ? false : (extra?.view ?? { kind: "unknown", pointer: joinPointer(pointer, "additionalProperties") }),
    ...(extra === undefined ? { additionalPropertiesUnwritten: true as const } : {}),
    ...(kw.patternProperties ? { patternProperties: Object.entries(kw.patternProperties).map(([pattern, n]) => ({ pattern, type: n.view })) } : {}),
    ...(kw.propertyNames ? { propertyNames: kw.propertyNames.view } : {}),
    ...(kw.dependentSchemas ? { dependentSchemas: Object.entries(kw.dependentSchemas).map(([name, n]) => ({ name, type: n.view })) } : {}),
    ...(kw.unevaluatedProperties ? { unevaluatedProperties: kw.unevaluatedProperties.view } : {}),
  };
  return pick<ObjectNode>(node, kw, ["minProperties", "maxProperties", "dependentRequired"]);
}

function refTarget(ref: string, at: string, ctx: Context): DefinitionRef {
  const resolved = resolveRef(ctx.file, ref, ctx.index, at);
  if (!resolved.ok) throw new InternalError(`${ctx.file}: unresolved $ref ${ref} reached the model`);
  const { file, pointer } = resolved.target;
  const doc = ctx.index.files.get(file);
  const target = getAtPointer(doc, pointer) as Json;
  const key = splitPointer(pointer).pop();
  const name = pointer === "" && isObject(doc) ? String(doc["title"]) : definitionName(target, key ?? "");
  return { file, pointer, name };
}

function annotations(kw: Keywords, pointer: string): Annotations {
  const out: { -readonly [K in keyof Annotations]: Annotations[K] } = { pointer };
  if (kw.title !== undefined && pointer !== "") out.title = kw.title;
  if (kw.description !== undefined) out.description = kw.description;
  if (kw.readOnly === true) out.readOnly = true;
  if (kw.writeOnly === true) out.writeOnly = true;
  if (kw.deprecated === true) out.deprecated = true;
  if (kw.examples !== undefined) out.examples = kw.examples;
  if ("default" in kw) out.default = kw.default as Json;
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) for (const v of value.values()) deepFreeze(v);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
