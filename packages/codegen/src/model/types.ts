/**
 * The entity model: what every emitter reads. Built once from the validated schemas, never
 * mutated afterwards (emitters are pure functions of it).
 */

/** A JSON value as parsed from a schema file. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A JSON Schema object (or boolean schema) as written in a `schemas/*.schema.json` file. */
export type JsonSchema = boolean | { readonly [keyword: string]: Json };

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

/** `{}` or `true`: any JSON value. */
export interface UnknownNode extends Annotations {
  readonly kind: "unknown";
}

/** `enum`, in schema order; may include `null` (then the node is nullable). */
export interface EnumNode extends Annotations {
  readonly kind: "enum";
  readonly values: readonly (string | number | boolean | null)[];
}

export interface ConstNode extends Annotations {
  readonly kind: "const";
  readonly value: Json;
}

export interface ArrayNode extends Annotations {
  readonly kind: "array";
  readonly items: TypeNode;
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
}

/**
 * A union, members in schema order. `via` says how the schema spelled it: a `type` array
 * (`["string", "null"]`), `anyOf` or `oneOf`.
 */
export interface UnionNode extends Annotations {
  readonly kind: "union";
  readonly via: "type" | "anyOf" | "oneOf";
  readonly members: readonly TypeNode[];
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

export type TypeNode = StringNode | NumberNode | BooleanNode | NullNode | UnknownNode | EnumNode | ConstNode | ArrayNode | ObjectNode | UnionNode | RefNode;

/** A named `$defs` entry of an entity's file. */
export interface Definition {
  readonly name: string;
  readonly pointer: string;
  readonly type: TypeNode;
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
  /** The normalized root node (always an object). */
  readonly root: ObjectNode;
  /** `$defs` entries in declaration order. */
  readonly definitions: readonly Definition[];
  /**
   * 1-based line:column of a pointer in the schema file, so an emitter that cannot honour a
   * construct can report a located `Problem`. Optional: hand-built models in tests may omit it.
   */
  readonly locate?: (pointer: string) => { line: number; column: number };
}

/** Parsed schema files, indexed for resolving `$ref` (`resolveRef`; built by `indexSchemas`). */
export interface SchemaIndex {
  /** Parsed schema files by project-relative path. */
  readonly files: ReadonlyMap<string, Json>;
  /** Each file's `$id` → the file (the first, if two claim one: validation reports that). */
  readonly byId: ReadonlyMap<string, string>;
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
