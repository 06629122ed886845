import fc from "fast-check";
import type { Json } from "../../src/model/types.js";

/**
 * Small JSON Schema 2020-12 schemas using every applicator and assertion keyword the types and
 * OpenAPI emitters handle, nested a few levels, over a few property names and literal values,
 * so that random values often land on both sides of every keyword.
 */
const NAMES = ["a", "b", "kind"] as const;
const LITERALS: Json[] = ["x", "y", 1, 2, true, null, { a: 1 }, [1]];
const TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"] as const;

const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(true, false, {}),
  fc.record({ type: fc.constantFrom(...TYPES) }),
  fc.record({ type: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 3 }) }),
  fc.record({ const: fc.constantFrom(...LITERALS) }),
  fc.record({
    enum: fc.uniqueArray(fc.constantFrom(...LITERALS), { minLength: 1, maxLength: 3, comparator: (a, b) => JSON.stringify(a) === JSON.stringify(b) }),
  }),
  fc.record({ type: fc.constant("string"), minLength: fc.integer({ min: 0, max: 2 }), maxLength: fc.integer({ min: 1, max: 3 }) }, { requiredKeys: ["type"] }),
  fc.record(
    {
      type: fc.constantFrom("number", "integer"),
      minimum: fc.integer({ min: -1, max: 1 }),
      exclusiveMaximum: fc.integer({ min: 2, max: 3 }),
      multipleOf: fc.constant(1),
    },
    { requiredKeys: ["type"] },
  ),
);

export const anySchema: fc.Arbitrary<Json> = fc.letrec<{ schema: Json }>((tie) => {
  const sub = tie("schema");
  const names = fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 });
  const map = fc.dictionary(fc.constantFrom(...NAMES), sub, { maxKeys: 2 });
  const object = fc.record(
    {
      type: fc.constant("object"),
      properties: map,
      required: names,
      additionalProperties: fc.oneof(fc.constant<Json>(false), sub),
      patternProperties: fc.dictionary(fc.constantFrom("^a", "^k"), sub, { maxKeys: 1 }),
      propertyNames: fc.record({ maxLength: fc.constant(1) }),
      minProperties: fc.integer({ min: 0, max: 2 }),
      maxProperties: fc.integer({ min: 1, max: 3 }),
      dependentRequired: fc.dictionary(fc.constantFrom(...NAMES), names, { maxKeys: 1 }),
      dependentSchemas: fc.dictionary(fc.constantFrom(...NAMES), sub, { maxKeys: 1 }),
      unevaluatedProperties: fc.oneof(fc.constant<Json>(false), sub),
    },
    // Typed: an untyped `{"properties": ...}` lets non-objects through, which the types (as
    // json-schema-to-typescript's) do not follow on purpose (see packages/types/README.md).
    { requiredKeys: ["type"] },
  );
  const array = fc.record(
    {
      type: fc.constant("array"),
      items: sub,
      prefixItems: fc.array(sub, { minLength: 1, maxLength: 2 }),
      contains: sub,
      minContains: fc.integer({ min: 1, max: 2 }),
      minItems: fc.integer({ min: 0, max: 2 }),
      maxItems: fc.integer({ min: 1, max: 3 }),
      uniqueItems: fc.boolean(),
      unevaluatedItems: fc.oneof(fc.constant<Json>(false), sub),
    },
    { requiredKeys: ["type"] },
  );
  const applicator = fc.oneof(
    fc.record({ allOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }),
    fc.record({ anyOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: sub }),
    // oxlint-disable-next-line unicorn/no-thenable -- the JSON Schema keyword, not a promise
    fc.record({ if: sub, then: sub, else: sub }, { requiredKeys: ["if"] }),
    fc.record(
      { $ref: fc.constant("#/$defs/D"), description: fc.constant("r"), minLength: fc.constant(1), type: fc.constantFrom("string", "object") },
      { requiredKeys: ["$ref"] },
    ),
  );
  return { schema: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, object, array, applicator) };
}).schema;

/** Values near what the schemas talk about: the literals, short strings and arrays, objects over the names. */
export const anyValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(...LITERALS),
    fc.constantFrom<Json>("", "ab", "abc", 0, -1, 1.5, 3, false),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...NAMES, "zz"), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** The schema as an entity: `D` (what `$ref` points at) is a small definition beside it. */
export function withDefs(schema: Json): Json {
  const base = typeof schema === "boolean" ? { allOf: [schema] } : schema;
  return { ...(base as Record<string, Json>), $defs: { D: { type: ["string", "object"], maxLength: 2 } } };
}
