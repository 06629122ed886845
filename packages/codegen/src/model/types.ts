/**
 * The entity model: what every emitter reads. Built once from the validated schemas, never
 * mutated afterwards (emitters are pure functions of it).
 */

import type { Json, JsonSchema } from "./json.js";
import type { KeywordName, KeywordValue } from "./keywords/index.js";

export type { Json, JsonSchema } from "./json.js";

/**
 * The lossless node: one per subschema of a file (the root, every `$defs` entry at any depth,
 * every subschema position the keyword registry declares), boolean schemas included. It keeps
 * every keyword it was written with, normalised by the keyword's own file
 * (`model/keywords/<keyword>.ts`), with subschemas as child nodes; `view` is the same node seen
 * by kind, for emitters that dispatch on one.
 */
export interface SchemaNode {
  /** JSON pointer of this subschema in its file (`""` for the root). */
  readonly pointer: string;
  /** The subschema exactly as written: `true`, `false` or an object. */
  readonly schema: JsonSchema;
  /** Every registry keyword the node was written with, normalised; subschema positions hold child nodes. */
  readonly keywords: Keywords;
  /** `x-` extensions (and words no vocabulary defines), as written: annotations. */
  readonly extensions: { readonly [name: string]: Json };
  /** The kind-based view of this node. */
  readonly view: TypeNode;
}

/** A node's keywords by name, each with the value its registry entry normalises it to. */
export type Keywords = { readonly [K in KeywordName]?: KeywordValue<K, SchemaNode> };

/** `x-docs` annotation of an entity. */
export interface DocsMeta {
  readonly section: string;
  readonly group: string;
  readonly order: number;
}

/** Annotations every node may carry, copied from the schema. */
export interface Annotations {
  /** JSON pointer of this node inside its schema file (`""` for the root). */
  readonly pointer: string;
  readonly title?: string;
  readonly description?: string;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly deprecated?: boolean;
  readonly examples?: readonly Json[];
  readonly default?: Json;
}

export interface StringNode extends Annotations {
  readonly kind: "string";
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface NumberNode extends Annotations {
  readonly kind: "number" | "integer";
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

export interface BooleanNode extends Annotations {
  readonly kind: "boolean";
}

export interface NullNode extends Annotations {
  readonly kind: "null";
}

/** `false` (or a keyword combination the model knows no value satisfies): no value is valid. */
export interface NeverNode extends Annotations {
  readonly kind: "never";
}

/** `{}` or `true`: any JSON value. */
export interface UnknownNode extends Annotations {
  readonly kind: "unknown";
}

/** `enum`, in schema order: any JSON values; may include `null` (then the node is nullable). */
export interface EnumNode extends Annotations {
  readonly kind: "enum";
  readonly values: readonly Json[];
}

export interface ConstNode extends Annotations {
  readonly kind: "const";
  readonly value: Json;
}

export interface ArrayNode extends Annotations {
  readonly kind: "array";
  /** The items after `prefixItems` (every item without it); `{ kind: "never" }` for `items: false`, unknown when absent. */
  readonly items: TypeNode;
  /** A tuple's leading items, in order (`prefixItems`). */
  readonly prefixItems?: readonly TypeNode[];
  readonly contains?: TypeNode;
  readonly minContains?: number;
  readonly maxContains?: number;
  readonly unevaluatedItems?: TypeNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

export interface PropertyNode {
  readonly name: string;
  readonly required: boolean;
  readonly type: TypeNode;
}

/**
 * An object. `properties` in schema order. `additionalProperties` is `false` for a closed object
 * and a node for an open record (`{}` → `unknown`), so `Record<string, unknown>` is
 * `{ properties: [], additionalProperties: { kind: "unknown" } }`.
 */
export interface ObjectNode extends Annotations {
  readonly kind: "object";
  readonly properties: readonly PropertyNode[];
  readonly additionalProperties: false | TypeNode;
  /**
   * Set when the schema writes no `additionalProperties` (open, as JSON Schema says, once the
   * "closed-objects" rule is relaxed): an object type beside declared properties then needs no
   * index signature, as TypeScript's object types already take other properties.
   */
  readonly additionalPropertiesUnwritten?: true;
  /** `patternProperties`, in schema order. */
  readonly patternProperties?: readonly { readonly pattern: string; readonly type: TypeNode }[];
  readonly propertyNames?: TypeNode;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  /** `dependentRequired`: property → the properties it requires. */
  readonly dependentRequired?: { readonly [property: string]: readonly string[] };
  /** `dependentSchemas`, in schema order. */
  readonly dependentSchemas?: readonly { readonly name: string; readonly type: TypeNode }[];
  readonly unevaluatedProperties?: TypeNode;
}

/**
 * A union, members in schema order. `via` says how the schema spelled it: a `type` array
 * (`["string", "null"]`), `anyOf`, `oneOf`, or `implicit`: keywords written without `type`
 * constrain only their own type and let every other value through (`{"minLength": 2}` is
 * `null | boolean | object | array | number | string-of-2+`), one member per JSON type.
 */
export interface UnionNode extends Annotations {
  readonly kind: "union";
  readonly via: "type" | "anyOf" | "oneOf" | "implicit";
  readonly members: readonly TypeNode[];
}

/**
 * Every member holds. `via`: `allOf` as written, or `siblings`: one node whose keywords each
 * decide a kind (`$ref` with `properties`, `type` with `anyOf`, `enum` with `minLength`, ...),
 * one member per part in the order `$ref`, typed keywords, `enum`, `const`, `anyOf`, `oneOf`,
 * `allOf`, `not`, `if`.
 */
export interface IntersectionNode extends Annotations {
  readonly kind: "intersection";
  readonly via: "allOf" | "siblings";
  readonly members: readonly TypeNode[];
}

/** `not`: every value the subschema rejects. */
export interface NotNode extends Annotations {
  readonly kind: "not";
  readonly not: TypeNode;
}

/** `if`/`then`/`else`: `then` applies to values `if` accepts, `else` to the others (absent: no constraint). */
export interface ConditionalNode extends Annotations {
  readonly kind: "conditional";
  readonly if: TypeNode;
  readonly then?: TypeNode;
  readonly else?: TypeNode;
}

/**
 * A `$ref` to a named definition: another entity (`target.pointer === ""`), a `$defs` entry of
 * this or another file, or the enclosing entity itself (recursion).
 */
export interface RefNode extends Annotations {
  readonly kind: "ref";
  /** The `$ref` string as written. */
  readonly ref: string;
  readonly target: DefinitionRef;
}

export interface DefinitionRef {
  /** Schema file the target lives in, relative to the project root, `/`-separated. */
  readonly file: string;
  /** JSON pointer of the target inside that file (`""` for the file's root). */
  readonly pointer: string;
  /** Exported name of the target: the entity title, or the `$defs` key / its `title`. */
  readonly name: string;
}

export type TypeNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | UnknownNode
  | NeverNode
  | EnumNode
  | ConstNode
  | ArrayNode
  | ObjectNode
  | UnionNode
  | IntersectionNode
  | NotNode
  | ConditionalNode
  | RefNode;

/** Every kind of the view: a table keyed by it (`Visitor`, `model/visit.ts`) must name each. */
export type NodeKind = TypeNode["kind"];

/** A named `$defs` entry of an entity's file. */
export interface Definition {
  readonly name: string;
  readonly pointer: string;
  /** The kind view of `node`. */
  readonly type: TypeNode;
  /** The definition as written (lossless). */
  readonly node: SchemaNode;
}

/** What a derived entity is the view of (`model/views.ts`): `XInput` and `XPatch` of `X`. */
export interface ViewOf {
  /** The entity (read view) it is derived from. */
  readonly of: string;
  readonly kind: "input" | "patch";
  /** The schema file it is derived from (its own `file` is never written). */
  readonly source: string;
}

export interface Entity {
  /** Exported name: the schema's `title` (PascalCase). */
  readonly name: string;
  /** File name stem: `connector-with-status` for `schemas/connector-with-status.schema.json`. */
  readonly slug: string;
  /** Schema file relative to the project root, `/`-separated: `schemas/x.schema.json`. */
  readonly file: string;
  /** The schema's `$id`. */
  readonly id: string;
  readonly description?: string;
  readonly docs: DocsMeta;
  /** The schema exactly as written (deep-frozen). */
  readonly schema: { readonly [keyword: string]: Json };
  /** The kind view of the root: any schema (an object, a union, an enum, a string alias, an array, a tuple...). */
  readonly root: TypeNode;
  /** The root as written (lossless); every subschema of the file is under it. */
  readonly node: SchemaNode;
  /** Every subschema of the file by JSON pointer: the lossless node behind a view's `pointer`. */
  readonly nodes: ReadonlyMap<string, SchemaNode>;
  /** `$defs` entries in declaration order. */
  readonly definitions: readonly Definition[];
  /**
   * 1-based line:column of a pointer in the schema file, so an emitter that cannot honour a
   * construct can report a located `Problem`. Optional: hand-built models in tests may omit it.
   */
  readonly locate?: (pointer: string) => { line: number; column: number };
  /** Set on a view derived from another entity's readOnly/writeOnly properties (`model/views.ts`). */
  readonly view?: ViewOf;
}

/** Parsed schema files, indexed for resolving `$ref` (`resolveRef`; built by `indexSchemas`). */
export interface SchemaIndex {
  /** Parsed schema files by project-relative path. */
  readonly files: ReadonlyMap<string, Json>;
  /** Each file's `$id` → the file (the first, if two claim one: validation reports that). */
  readonly byId: ReadonlyMap<string, string>;
  /** Every schema resource and anchor by absolute URI (`model/refs.ts`): roots, embedded `$id`s, `<base>#<anchor>`. */
  readonly resources: ReadonlyMap<string, { readonly file: string; readonly pointer: string }>;
  /** Per file, the base URI of its root and of each subschema with an `$id`, by pointer. */
  readonly bases: ReadonlyMap<string, readonly { readonly pointer: string; readonly uri: string }[]>;
}

/** A package the outputs are published in, from its package.json. */
export interface PublishedPackage {
  readonly name: string;
  readonly version: string;
}

export interface Model {
  /** Entities sorted by name (code-unit order). */
  readonly entities: readonly Entity[];
  /** The entities' schema files, for `resolveRef`. */
  readonly index: SchemaIndex;
  /** The entity of each schema file. */
  readonly byFile: ReadonlyMap<string, Entity>;
  /**
   * The packages outputs go into, by directory (`packages/openapi`), read from their package.json
   * at load (absent in models built from schemas alone, as in tests).
   */
  readonly packages?: Readonly<Record<string, PublishedPackage>>;
  /**
   * Which targets `contracts.config.json` turns on (`ProjectConfig["targets"]`; absent: all), for
   * an emitter that writes several (openapi: 3.1 and 3.0). Keyed by string, not `TargetName`: the
   * model does not import the config loader.
   */
  readonly targets?: Readonly<Record<string, boolean>>;
}
