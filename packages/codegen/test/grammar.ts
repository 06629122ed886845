import fc from "fast-check";

/**
 * A grammar of the schema constructs generation supports, for property tests: every schema it
 * writes is one validation accepts (tests that rely on that count their skips).
 */

export type Schema = Record<string, unknown>;

const KEYS = [
  "id",
  "name",
  "display-name",
  "icon-url",
  "createdAt",
  "tags",
  "price",
  "status",
  "server-id",
  "count",
  "email",
  "homepage",
  "rate",
  "due-date",
  "config",
];
const WORDS = ["open", "closed", "draft", "in-review", "archived"];
/** Patterns the sampler is expected to satisfy; anything cleverer needs `examples`. */
const PATTERNS = ["^[a-z0-9-]+$", "^[A-Za-z0-9_ ]+$", "^[a-z]", "[0-9a-f]", "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "^\\S+$"];
const FORMATS = ["date-time", "uri", "email", "uuid", "date", "time"] as const;

export const stringSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.record({ type: fc.constant("string"), format: fc.constantFrom(...FORMATS) }),
  fc.record(
    { type: fc.constant("string"), format: fc.constantFrom("uri", "email", "date-time"), minLength: fc.integer({ min: 0, max: 40 }) },
    { requiredKeys: ["type", "format"] },
  ),
  fc
    .record({ pattern: fc.constantFrom(...PATTERNS), minLength: fc.integer({ min: 0, max: 6 }), extra: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] })
    .map(({ pattern, minLength, extra }) => ({
      type: "string",
      ...(pattern === undefined ? {} : { pattern }),
      ...(minLength === undefined ? {} : { minLength }),
      ...(extra === undefined ? {} : { maxLength: (minLength ?? 0) + extra + 1 }),
    })),
);

/** Bounds of every kind; the range is wide enough (5) for every step, so a value always exists. */
export const numberSchema: fc.Arbitrary<Schema> = fc
  .record({
    type: fc.constantFrom("integer", "number"),
    low: fc.option(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.boolean(), fc.constantFrom(0, 0.5))),
    width: fc.integer({ min: 5, max: 40 }),
    high: fc.boolean(),
    highExclusive: fc.boolean(),
    multipleOf: fc.option(fc.constantFrom(1, 2, 0.5, 0.25, 0.1)),
  })
  .map(({ type, low, width, high, highExclusive, multipleOf }) => {
    const out: Schema = { type };
    const lowValue = low === null ? -width : low[0] + low[2];
    if (low !== null) out[low[1] ? "exclusiveMinimum" : "minimum"] = lowValue;
    if (high) out[highExclusive ? "exclusiveMaximum" : "maximum"] = lowValue + width;
    if (multipleOf !== null) out["multipleOf"] = multipleOf;
    return out;
  });

export const enumSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.record({ type: fc.constant("string"), enum: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }) }),
  fc.uniqueArray(fc.constantFrom<string | number | null>(...WORDS, 1, 2, 3, null), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  fc.constantFrom<string | number>("card", "transfer", 42).map((value) => ({ const: value })),
);

export const scalar: fc.Arbitrary<Schema> = fc.oneof(stringSchema, numberSchema, enumSchema, fc.constant({ type: "boolean" }));

/** `["string", "null"]`-style nullables of a typed scalar. */
export const nullableScalar: fc.Arbitrary<Schema> = fc
  .oneof(stringSchema, numberSchema, fc.constant({ type: "boolean" }))
  .map((s) => ({ ...s, type: [s["type"], "null"] }));

interface Tree {
  value: Schema;
  object: Schema;
}

export const { value: valueSchema } = fc.letrec<Tree>((untyped) => {
  const tie = (key: keyof Tree) => untyped(key) as fc.Arbitrary<Schema>;
  return {
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: scalar, weight: 6 },
      { arbitrary: nullableScalar, weight: 2 },
      { arbitrary: tie("object"), weight: 2 },
      {
        arbitrary: fc
          .record({
            items: tie("value"),
            minItems: fc.integer({ min: 0, max: 2 }),
            extra: fc.option(fc.integer({ min: 0, max: 3 })),
            uniqueItems: fc.boolean(),
          })
          // Two distinct items need an item schema with two values: a const or an object of consts has one.
          .map(({ items, minItems: wanted, extra, uniqueItems }) => {
            const minItems =
              uniqueItems && !(typeof items["type"] === "string" && ["string", "integer", "number"].includes(items["type"]) && items["enum"] === undefined)
                ? Math.min(wanted, 1)
                : wanted;
            return { type: "array", items, minItems, ...(extra === null ? {} : { maxItems: minItems + extra }), ...(uniqueItems ? { uniqueItems } : {}) };
          }),
        weight: 2,
      },
      { arbitrary: fc.record({ anyOf: fc.tuple(tie("value")).map(([v]) => [v, { type: "null" }]) }), weight: 1 },
      { arbitrary: disjointUnion(tie("object")), weight: 2 },
      { arbitrary: fc.record({ type: fc.constant("object"), additionalProperties: fc.oneof(fc.constant({}), scalar) }), weight: 1 },
    ),
    object: fc
      .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie("value"), fc.boolean()), { minLength: 1, maxLength: 4, selector: ([key]) => key })
      .map((entries) => ({
        type: "object",
        properties: Object.fromEntries(entries.map(([key, schema]) => [key, schema])),
        required: entries.filter(([, , required]) => required).map(([key]) => key),
        additionalProperties: false,
      })),
  };
});

/** Branches of distinct JSON types (and one object at most), so exactly one matches any value. */
function disjointUnion(object: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  const branches: fc.Arbitrary<Schema>[] = [
    stringSchema,
    numberSchema.map((s) => ({ ...s, type: "integer" })),
    fc.constant({ type: "boolean" }),
    object,
    fc.record({ type: fc.constant("array"), items: scalar }),
  ];
  return fc
    .tuple(fc.subarray([0, 1, 2, 3, 4], { minLength: 2, maxLength: 3 }), fc.constantFrom("anyOf", "oneOf"), fc.boolean())
    .chain(([picked, via, nullable]) =>
      fc.tuple(...picked.map((i) => branches[i] as fc.Arbitrary<Schema>)).map((members) => ({ [via]: nullable ? [...members, { type: "null" }] : members })),
    );
}

/** An entity: a closed root, some properties moved to `$defs` behind a `$ref`. */
export const entitySchema: fc.Arbitrary<Schema> = fc
  .tuple(fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), valueSchema, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 5, selector: ([key]) => key }))
  .map(([entries]) => {
    const defs: Record<string, Schema> = {};
    const properties: Record<string, Schema> = {};
    for (const [key, schema, , hoist] of entries) {
      if (!hoist) {
        properties[key] = schema;
        continue;
      }
      const name = key.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase());
      defs[name] = schema;
      properties[key] = { $ref: `#/$defs/${name}` };
    }
    return {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://contracts.dev/schemas/thing.schema.json",
      title: "Thing",
      type: "object",
      properties,
      required: entries.filter(([, , required]) => required).map(([key]) => key),
      additionalProperties: false,
      ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
    };
  });

/**
 * Every keyword the codegen knows (the registry, `src/model/keywords/`), each with values of its
 * JSON Schema shape, nested through every subschema position; plus boolean schemas, an
 * unknown word and an `x-` extension. What the project's rules or a target refuse is fine here:
 * the promise these schemas test is a located problem, never an internal error.
 */
const FORMAT_NAMES = [
  ...FORMATS,
  "duration",
  "uri-reference",
  "uri-template",
  "iri",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "json-pointer",
  "relative-json-pointer",
  "x-unknown-format",
];
const TYPES = ["null", "boolean", "object", "array", "number", "integer", "string"] as const;
const small = fc.integer({ min: 0, max: 5 });
const num = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0.5, 2.5, -1.25));
const json = fc.jsonValue({ maxDepth: 2 });
const names = fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 });
const text = fc.constantFrom("a", "A short note.", "");

export const { schema: anySchema } = fc.letrec<{ schema: unknown; object: Schema }>((tie) => {
  const sub = tie("schema");
  const subs = fc.array(sub, { minLength: 1, maxLength: 3 });
  const map = (keys: fc.Arbitrary<string>) => fc.dictionary(keys, sub, { minKeys: 1, maxKeys: 2 });
  const byKeyword: Record<string, fc.Arbitrary<unknown>> = {
    $id: fc.constant("https://contracts.dev/schemas/inner.schema.json"),
    $ref: fc.constantFrom("#", "#/$defs/D0", "#node", "#/properties/p"),
    $anchor: fc.constant("node"),
    $dynamicRef: fc.constant("#meta"),
    $dynamicAnchor: fc.constant("meta"),
    $vocabulary: fc.constant({ "https://json-schema.org/draft/2020-12/vocab/core": true }),
    $comment: text,
    $defs: map(fc.constantFrom("Inner", "Other")),
    allOf: subs,
    anyOf: subs,
    oneOf: subs,
    not: sub,
    if: sub,
    then: sub,
    else: sub,
    dependentSchemas: map(fc.constantFrom(...KEYS)),
    prefixItems: subs,
    items: sub,
    contains: sub,
    properties: map(fc.constantFrom(...KEYS)),
    patternProperties: map(fc.constantFrom(...PATTERNS, "^usr_[a-z0-9]+$")),
    additionalProperties: sub,
    propertyNames: sub,
    unevaluatedItems: sub,
    unevaluatedProperties: sub,
    type: fc.oneof(fc.constantFrom(...TYPES), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 })),
    enum: fc.array(json, { minLength: 1, maxLength: 4 }),
    const: json,
    multipleOf: fc.constantFrom(1, 2, 0.5, 0.1),
    maximum: num,
    exclusiveMaximum: num,
    minimum: num,
    exclusiveMinimum: num,
    maxLength: small,
    minLength: small,
    pattern: fc.constantFrom(...PATTERNS, "^usr_[a-z0-9]+$"),
    maxItems: small,
    minItems: small,
    uniqueItems: fc.boolean(),
    maxContains: small,
    minContains: small,
    maxProperties: small,
    minProperties: small,
    required: names,
    dependentRequired: fc.dictionary(fc.constantFrom(...KEYS), names, { minKeys: 1, maxKeys: 2 }),
    format: fc.constantFrom(...FORMAT_NAMES),
    title: fc.constantFrom("Inner", "inner title"),
    description: text,
    default: json,
    deprecated: fc.boolean(),
    readOnly: fc.boolean(),
    writeOnly: fc.boolean(),
    examples: fc.array(json, { maxLength: 2 }),
    contentEncoding: fc.constant("base64"),
    contentMediaType: fc.constant("application/json"),
    contentSchema: sub,
    definitions: map(fc.constant("Old")),
    dependencies: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(names, sub), { minKeys: 1, maxKeys: 1 }),
    additionalItems: sub,
    $recursiveRef: fc.constant("#"),
    $recursiveAnchor: fc.boolean(),
    minlength: small,
    "x-note": json,
  };
  const keywords = Object.keys(byKeyword);
  return {
    schema: fc.oneof({ depthSize: "small", maxDepth: 3 }, fc.boolean(), fc.constant({}), tie("object")),
    object: fc
      .uniqueArray(fc.constantFrom(...keywords), { minLength: 1, maxLength: 4 })
      .chain((picked) => fc.record(Object.fromEntries(picked.map((k) => [k, byKeyword[k] as fc.Arbitrary<unknown>]))) as fc.Arbitrary<Schema>),
  };
});

/** `anySchema` as an entity's property and as one of its `$defs` (beside the `D0` a `$ref` may name). */
export const anyKeywordEntity: fc.Arbitrary<Schema> = fc.tuple(anySchema, anySchema).map(([property, definition]) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://contracts.dev/schemas/thing.schema.json",
  title: "Thing",
  type: "object",
  properties: { p: property },
  additionalProperties: false,
  $defs: { D0: { type: "string" }, G: definition },
}));
