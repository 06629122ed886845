import type { Json } from "../../../model/types.js";
import type { Code } from "../code.js";
import type { SchemaObject } from "../schema.js";

/**
 * A placeholder for one runtime refinement while TypeBox compiles: TypeBox takes `~refine`
 * entries as values and refers to them as `External[i]`; after `Code()` each placeholder is
 * mapped back, by identity, to the runtime expression the generated module passes to
 * `SetExternal`.
 */
export interface Placeholder {
  readonly check: () => boolean;
  readonly error: () => string;
}

/** Where a keyword's subschemas are: one schema, a list of them, or a map of names to them. */
export type Position = "one" | "list" | "map";

/** The instance type a keyword's statements apply to: they run under one guard per run of them. */
export type Applies = "object" | "array" | "string" | "number";

/** Read-only facts a keyword's walker statements need about the node they are emitted for. */
export interface KeywordContext {
  /** JSON pointer of the node in its schema file. */
  readonly pointer: string;
  readonly node: SchemaObject;
  /** The walker function of the subschema at `pointer` + `tokens`. */
  readonly walker: (...tokens: (string | number)[]) => Code;
  /** The walker the node's `$ref` leads to. */
  readonly refTarget: () => Code;
  /**
   * The record of evaluated properties and items the node's keywords add to (for
   * `unevaluatedProperties`/`unevaluatedItems`), or `undefined` when no schema of the project
   * uses those keywords (then no walker tracks anything).
   */
  readonly ev: Code | undefined;
  /** The subschema at `pointer` + `tokens`, after a `$ref` within the file it is, if it is one. */
  readonly resolved: (...tokens: (string | number)[]) => Json | undefined;
  /** Declares a module-level constant of the walkers' module (a tag map). */
  readonly constant: (name: Code, value: Code) => void;
  /** A module-level `RegExp` constant for a pattern (compiled once per module, `u` flag as Ajv). */
  readonly regexp: (pattern: string, pointer: string) => Code;
}

/** The TypeBox side of a keyword: how the schema `Code()` compiles carries it. */
export interface CheckSide {
  /** A runtime refinement (`~refine`) replacing or completing the keyword, for `Code()`. */
  readonly refine?: (value: Json, node: SchemaObject, use: (expression: Code) => Placeholder) => Placeholder | undefined;
  /** The keyword is removed from the schema TypeBox compiles (its refinement checks it instead). */
  readonly drop?: (value: Json, node: SchemaObject) => boolean;
  /** The refinement runs before the node's other checks (TypeBox runs `~refine` last): it is cheap and decides often. */
  readonly early?: boolean;
}

/**
 * One JSON Schema keyword as the validators see it, in one file with everything about it (where its
 * subschemas are is the model's keyword registry's: model/keywords/<keyword>.ts): what TypeBox's check gets, the walker statements that explain a failure and
 * their error code (`keyword`) and message. Walkers and check read the same file, so they cannot
 * drift apart (as TypeBox's `engine/<keyword>.ts` and Ajv's `vocabularies/<vocab>/<keyword>.ts`).
 */
export interface ValidatorKeyword {
  readonly keyword: string;
  /** The instance type its statements apply to; `undefined`: any value. */
  readonly applies?: Applies | ((value: Json) => Applies | undefined);
  readonly check?: CheckSide;
  /** The walker statements for the node (empty when the keyword has nothing to say). */
  readonly walk: (value: Json, ctx: KeywordContext) => readonly Code[];
}

export function defineKeyword(keyword: ValidatorKeyword): ValidatorKeyword {
  return keyword;
}
