import type { Json } from "../json.js";
import type { RefResolution } from "../ref-target.js";

/**
 * How one keyword is declared: its name, the vocabulary it belongs to, where its subschemas sit,
 * the instance types it constrains when the node has no `type`, and how its value is normalised
 * into the node. One file per keyword (`model/keywords/<keyword>.ts`), as Ajv's vocabularies and
 * TypeBox's `engine/<keyword>.ts` do; `index.ts` registers them.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8 (vocabularies)
 */

/** The JSON Schema 2020-12 vocabularies (plus `legacy`: keywords of earlier drafts that 2020-12 replaced). */
export type Vocabulary = "core" | "applicator" | "unevaluated" | "validation" | "format-annotation" | "meta-data" | "content" | "legacy";

/** JSON instance types as `type` names them; `integer` is a subset of `number`. */
export type InstanceType = "null" | "boolean" | "object" | "array" | "number" | "integer" | "string";

/**
 * Where a keyword's subschemas are: none (its value is data), one schema (`not`), an array of
 * schemas (`allOf`), or a map of named schemas (`properties`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-7.7 (applicators)
 */
export type Positions = "none" | "schema" | "array" | "map";

/**
 * A keyword. `Value` is what the lossless node keeps under the keyword's name: for subschema
 * positions the normalised child nodes (`N`, supplied by the model), for data keywords the
 * value as written, typed.
 */
export interface KeywordSpec<Name extends string = string, P extends Positions = Positions> {
  readonly name: Name;
  readonly vocabulary: Vocabulary;
  readonly positions: P;
  /**
   * The instance types the keyword constrains. Written without `type`, a keyword applies only to
   * values of these types and lets every other value through (`{"minLength": 2}` accepts `3`).
   * `"any"`: every value (applicators in place, `enum`, annotations).
   * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-7.1 (type-specific keywords)
   */
  readonly appliesTo: "any" | readonly InstanceType[];
  /**
   * An annotation: describes the value and never changes a verdict, so an emitter may ignore it
   * without disagreeing with the others.
   */
  readonly annotation: boolean;
  /** For a keyword 2020-12 no longer defines: why it is refused and what to write instead. */
  readonly refused?: string;
  /**
   * The keyword's validation rule: what makes its value well-formed beyond the 2020-12
   * meta-schema (which Ajv checks first, for the whole document, so `value` has the keyword's JSON
   * Schema shape): a `pattern` that compiles with the `u` flag, bounds that leave a value, names
   * declared once. Each problem is reported, located, through `ctx.report`; validation runs the
   * rule of every keyword of every subschema (`validate/conventions.ts`).
   */
  readonly check?: (value: Json, ctx: CheckContext) => void;
}

/** What a keyword's validation rule sees: the schema object it is written in, and where. */
export interface CheckContext {
  /** The schema object holding the keyword (its siblings too: `minLength` reads `maxLength`). */
  readonly node: { readonly [keyword: string]: Json };
  /** The pointer of that schema object in its file. */
  readonly pointer: string;
  /** Records a located problem at `pointer` (of the same file): what is wrong, and the fix. */
  readonly report: (pointer: string, message: string, hint: string) => void;
  /** The model's one resolution of a `$ref` written in this node (`model/refs.ts`). */
  readonly resolve: (ref: string) => RefResolution;
  /** The `$id` of the root of a file of the project (the referring file's: `""`), if it has one. */
  readonly idOf: (file: string | "") => string | undefined;
}

/** A data keyword: its value, parsed into `Value` (`undefined` if it has not its JSON Schema shape). */
export interface DataKeyword<Name extends string = string, Value = unknown> extends KeywordSpec<Name, "none"> {
  readonly normalise: (value: Json) => Value | undefined;
}

type Options = Partial<Pick<KeywordSpec, "annotation" | "refused" | "check">>;

export function dataKeyword<const Name extends string, Value>(
  name: Name,
  vocabulary: Vocabulary,
  appliesTo: KeywordSpec["appliesTo"],
  normalise: (value: Json) => Value | undefined,
  options: Options = {},
): DataKeyword<Name, Value> {
  return { name, vocabulary, positions: "none", appliesTo, annotation: options.annotation ?? false, ...refusal(options), ...checked(options), normalise };
}

/** A keyword whose value is one subschema, an array of them, or a map of named ones. */
export function schemaKeyword<const Name extends string, P extends Exclude<Positions, "none">>(
  name: Name,
  vocabulary: Vocabulary,
  positions: P,
  appliesTo: KeywordSpec["appliesTo"],
  options: Options = {},
): KeywordSpec<Name, P> {
  return { name, vocabulary, positions, appliesTo, annotation: options.annotation ?? false, ...refusal(options), ...checked(options) };
}

function refusal(options: Options): { refused?: string } {
  return options.refused === undefined ? {} : { refused: options.refused };
}

function checked(options: Options): Pick<KeywordSpec, "check"> {
  return options.check === undefined ? {} : { check: options.check };
}

// Normalisers shared by many keywords (validation ran first, so these only narrow the type).
export const asNumber = (value: Json): number | undefined => (typeof value === "number" ? value : undefined);
export const asString = (value: Json): string | undefined => (typeof value === "string" ? value : undefined);
export const asBoolean = (value: Json): boolean | undefined => (typeof value === "boolean" ? value : undefined);
export const asJson = (value: Json): Json => value;
export const asStrings = (value: Json): readonly string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as readonly string[]) : undefined;

export const STRING: readonly InstanceType[] = ["string"];
export const NUMBER: readonly InstanceType[] = ["number", "integer"];
export const ARRAY: readonly InstanceType[] = ["array"];
export const OBJECT: readonly InstanceType[] = ["object"];
