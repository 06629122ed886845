import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalSchema, canonicalSchemaText, makeProject, runCli, schemaId, snapshotTree } from "./helpers.js";

let canonical: Record<string, unknown>;
let canonicalText: string;
beforeAll(async () => {
  canonical = await canonicalSchema();
  canonicalText = await canonicalSchemaText();
});

const properties = () => canonical["properties"] as Record<string, unknown>;

/** One bad input per class the CLI must reject: the file, what the message must say, where. */
const cases: [string, { file: () => string | object; want: RegExp[] }][] = [
  [
    "not JSON",
    {
      file: () => "hello",
      want: [/^schemas\/connector-with-status\.schema\.json:1:1: is not valid JSON: invalid symbol \(found "hello"\)$/m, /^ {2}fix: fix the JSON syntax/m],
    },
  ],
  [
    "truncated JSON",
    {
      file: () => canonicalText.slice(0, 300),
      want: [/^schemas\/connector-with-status\.schema\.json:12:5: is not valid JSON: the file ends before the JSON value does \(truncated\?\)$/m],
    },
  ],
  [
    "not a 2020-12 schema ($schema of another draft)",
    {
      file: () => ({ ...canonical, $schema: "http://json-schema.org/draft-07/schema#" }),
      want: [
        /^schemas\/connector-with-status\.schema\.json:2:3 at \/\$schema: is not a JSON Schema 2020-12 document: "\$schema" is "http:\/\/json-schema\.org\/draft-07\/schema#"$/m,
        /fix: set "\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/,
      ],
    },
  ],
  [
    "not a 2020-12 schema (no $schema)",
    {
      file: () => Object.fromEntries(Object.entries(canonical).filter(([k]) => k !== "$schema")),
      want: [/^schemas\/connector-with-status\.schema\.json:1:1: is not a JSON Schema 2020-12 document: it has no "\$schema"$/m],
    },
  ],
  [
    "not a 2020-12 schema (a keyword's value breaks the meta-schema)",
    {
      file: () => ({ ...canonical, properties: { ...properties(), name: { type: "strin" } } }),
      want: [
        /^schemas\/connector-with-status\.schema\.json:\d+:\d+ at \/properties\/name\/type: is not valid JSON Schema 2020-12: type must be one of "array", "boolean", "integer", "null", "number", "object", "string"$/m,
      ],
    },
  ],
  [
    "a $ref that does not resolve",
    {
      file: () => ({ ...canonical, properties: { ...properties(), owner: { $ref: "#/$defs/User" } } }),
      want: [
        /^schemas\/connector-with-status\.schema\.json:\d+:\d+ at \/properties\/owner\/\$ref: \$ref "#\/\$defs\/User" points at \/\$defs\/User of schemas\/connector-with-status\.schema\.json, where nothing is defined$/m,
        /fix: fix the pointer, or add the definition/,
      ],
    },
  ],
  [
    "a $ref to a file that does not exist",
    {
      file: () => ({ ...canonical, properties: { ...properties(), owner: { $ref: "./user.schema.json" } } }),
      want: [
        /at \/properties\/owner\/\$ref: \$ref "\.\/user\.schema\.json" points at schemas\/user\.schema\.json, which is not a schema file of this project$/m,
      ],
    },
  ],
  [
    "missing title",
    {
      file: () => Object.fromEntries(Object.entries(canonical).filter(([k]) => k !== "title")),
      want: [/^schemas\/connector-with-status\.schema\.json:1:1: has no "title": the title is the entity's exported name$/m, /fix: add "title": "EntityName"/],
    },
  ],
  [
    "non-PascalCase title",
    {
      file: () => ({ ...canonical, title: "connector with status" }),
      want: [
        /^schemas\/connector-with-status\.schema\.json:4:3 at \/title: title "connector with status" is not a PascalCase identifier$/m,
        /fix: rename it to "ConnectorWithStatus"/,
      ],
    },
  ],
  [
    "an object with properties that is not closed",
    {
      file: () => ({ ...canonical, additionalProperties: true }),
      want: [
        /^schemas\/connector-with-status\.schema\.json:1:1: an object with declared properties must be closed$/m,
        /fix: add "additionalProperties": false/,
      ],
    },
  ],
  [
    "a keyword no target expresses yet",
    {
      file: () => ({ ...canonical, properties: { ...properties(), name: { $dynamicRef: "#node" } } }),
      want: [/at \/properties\/name\/\$dynamicRef: "\$dynamicRef" is valid JSON Schema, but the [a-z0-9, ]+ targets cannot express it yet$/m],
    },
  ],
];

/**
 * Inputs the meta-schema lets through but the emitters cannot honour, each with the exact text the
 * user reads: where (file:line:column at pointer), what, and the fix.
 */
const exact: [string, { file: () => string | object; want: string }][] = [
  [
    "a misspelt keyword",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", minlength: 1 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minlength: "minlength" is not a JSON Schema 2020-12 keyword\n  fix: did you mean "minLength"?',
    },
  ],
  [
    "a keyword with two letters swapped",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", minLenght: 1 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minLenght: "minLenght" is not a JSON Schema 2020-12 keyword\n  fix: did you mean "minLength"?',
    },
  ],
  [
    "a short word of its own, one edit from a keyword",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", note: "internal" } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/note: "note" is not a JSON Schema 2020-12 keyword\n  fix: check the spelling, or prefix a custom annotation with "x-" (e.g. "x-note")',
    },
  ],
  [
    "a keyword with a letter wrong",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "integer", minimun: 1 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minimun: "minimun" is not a JSON Schema 2020-12 keyword\n  fix: did you mean "minimum"?',
    },
  ],
  [
    "a short keyword with a letter dropped",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { typ: "string" } } }),
      want: 'schemas/connector-with-status.schema.json:111:7 at /properties/x/typ: "typ" is not a JSON Schema 2020-12 keyword\n  fix: did you mean "type"?',
    },
  ],
  [
    "an unknown word near no keyword",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", colour: "red" } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/colour: "colour" is not a JSON Schema 2020-12 keyword\n  fix: check the spelling, or prefix a custom annotation with "x-" (e.g. "x-colour")',
    },
  ],
  [
    "a word no vocabulary defines",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", nullable: true } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/nullable: "nullable" is not a JSON Schema 2020-12 keyword\n  fix: OpenAPI 3.0\'s "nullable": add "null" to "type" (e.g. "type": ["string", "null"]), or wrap the schema in "anyOf" with { "type": "null" }',
    },
  ],
  [
    "a keyword of an earlier draft",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "array", items: { type: "string" }, additionalItems: false } } }),
      want: 'schemas/connector-with-status.schema.json:115:7 at /properties/x/additionalItems: "additionalItems" is a keyword of an earlier JSON Schema draft, replaced in 2020-12\n  fix: write the tuple as "prefixItems" and the rest as "items" (2020-12 replaced array-valued "items" and "additionalItems")',
    },
  ],
  [
    "an $id naming another file",
    {
      file: () => ({ ...canonical, $id: "https://contracts.dev/schemas/connector.schema.json" }),
      want: 'schemas/connector-with-status.schema.json:3:3 at /$id: "$id" "https://contracts.dev/schemas/connector.schema.json" does not end with the file\'s name, "connector-with-status.schema.json"\n  fix: end it with "/connector-with-status.schema.json" (e.g. "https://contracts.dev/schemas/connector-with-status.schema.json") so relative "$ref"s resolve to the same file for every JSON Schema tool; or, to accept it, set "rules": { "id-required": "warn" } (or "off") in contracts.config.json',
    },
  ],
  [
    "an $id whose last segment only ends with the file's name",
    {
      file: () => ({ ...canonical, $id: "https://contracts.dev/schemas/my-connector-with-status.schema.json" }),
      want: 'schemas/connector-with-status.schema.json:3:3 at /$id: "$id" "https://contracts.dev/schemas/my-connector-with-status.schema.json" does not end with the file\'s name, "connector-with-status.schema.json"\n  fix: end it with "/connector-with-status.schema.json" (e.g. "https://contracts.dev/schemas/connector-with-status.schema.json") so relative "$ref"s resolve to the same file for every JSON Schema tool; or, to accept it, set "rules": { "id-required": "warn" } (or "off") in contracts.config.json',
    },
  ],
  [
    "a $ref whose fragment is not percent-encoding",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { $ref: "#/%zz" } } }),
      want: 'schemas/connector-with-status.schema.json:111:7 at /properties/x/$ref: $ref "#/%zz" is not a valid URI reference: a "%" in it does not start a percent-encoded UTF-8 character\n  fix: write "%25" for a literal "%" (and "~0" / "~1" for "~" / "/" in a JSON pointer token)',
    },
  ],
  [
    "a pattern that is no regular expression under the u flag",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", pattern: "^\\_x$" } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/pattern: pattern "^\\\\_x$" is not a valid regular expression with the "u" (Unicode) flag: invalid escape\n  fix: escape only characters that need it (write "_", not "\\\\_"): validators and fixtures compile patterns with the "u" flag, as JSON Schema specifies',
    },
  ],
  [
    "a key twice in one object",
    {
      file: () => JSON.stringify(canonical, null, 2).replace('"name": {', '"name": {\n      "type": "number"\n    },\n    "name": {'),
      want: 'schemas/connector-with-status.schema.json:20:5 at /properties/name: key "name" appears twice in the same object; JSON keeps only the last one, silently dropping the first\n  fix: remove one of them, or merge them into one',
    },
  ],
  [
    'a property named "__proto__"',
    {
      file: () => ({ ...canonical, properties: { ...properties(), ["__proto__"]: { type: "string" } } }),
      want: 'schemas/connector-with-status.schema.json:110:5 at /properties/__proto__: property name "__proto__" is not supported: JavaScript treats it as the object\'s prototype, so generated code and JSON handling would drop or misuse it\n  fix: rename the property',
    },
  ],
  [
    'a definition named "__proto__"',
    {
      file: () => ({ ...canonical, $defs: { ["__proto__"]: { type: "string" } } }),
      want: 'schemas/connector-with-status.schema.json:126:5 at /$defs/__proto__: definition name "__proto__" is not supported: JavaScript treats it as the object\'s prototype, so generated code and JSON handling would drop or misuse it\n  fix: rename the definition',
    },
  ],
  [
    "an entity named like a TypeScript built-in the generated code uses",
    {
      file: () => ({ ...canonical, title: "Record" }),
      want: 'schemas/connector-with-status.schema.json:4:3 at /title: name "Record" is reserved: it is a TypeScript built-in type the generated code uses\n  fix: choose another name (e.g. "RecordEntity"); a $defs entry can keep its key and set a "title"',
    },
  ],
  [
    "a definition named like an export of a package",
    {
      file: () => ({ ...canonical, $defs: { ContractValidationError: { type: "string" } } }),
      want: 'schemas/connector-with-status.schema.json:126:5 at /$defs/ContractValidationError: name "ContractValidationError" is reserved: it is exported by @contracts/validators itself\n  fix: choose another name (e.g. "ContractValidationErrorEntity"); a $defs entry can keep its key and set a "title"',
    },
  ],
  [
    "a hand-written example that breaks its own schema",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", format: "uri", examples: ["not a uri"] } } }),
      want: 'schemas/connector-with-status.schema.json:114:9 at /properties/x/examples/0: example 1 does not match its schema: the value must match format "uri"\n  fix: fix the example (it becomes a valid fixture as written) or the schema',
    },
  ],
  [
    // Compiled through its file, for the $ref inside it (a leaf, as above, is compiled alone).
    "a hand-written example that breaks its own schema below a $ref",
    {
      file: () => ({
        ...canonical,
        properties: {
          ...properties(),
          x: { type: "object", properties: { n: { $ref: "#/$defs/N" } }, required: ["n"], additionalProperties: false, examples: [{ n: "one" }] },
        },
        $defs: { N: { type: "integer" } },
      }),
      want: "schemas/connector-with-status.schema.json:122:9 at /properties/x/examples/0: example 1 does not match its schema: /n must be integer\n  fix: fix the example (it becomes a valid fixture as written) or the schema",
    },
  ],
  [
    "an empty enum",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", enum: [] } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/enum: "enum" is empty, so no value is valid\n  fix: list the values the field takes, or remove the field',
    },
  ],
  [
    "minLength above maxLength",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", minLength: 3, maxLength: 2 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minLength: minLength 3 is greater than maxLength 2, so no string is valid\n  fix: lower "minLength" or raise "maxLength"',
    },
  ],
  [
    "minimum above maximum",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "number", minimum: 3, maximum: 2 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minimum: minimum 3 is greater than maximum 2, so no number is valid\n  fix: lower "minimum" or raise "maximum"',
    },
  ],
  [
    "exclusiveMinimum equal to maximum",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "number", exclusiveMinimum: 2, maximum: 2 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/exclusiveMinimum: exclusiveMinimum 2 is not less than maximum 2, so no number is valid\n  fix: lower "exclusiveMinimum" or raise "maximum"',
    },
  ],
  [
    "minimum equal to exclusiveMaximum",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "integer", minimum: 2, exclusiveMaximum: 2 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/minimum: minimum 2 is not less than exclusiveMaximum 2, so no number is valid\n  fix: lower "minimum" or raise "exclusiveMaximum"',
    },
  ],
  [
    "minItems above maxItems",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 1 } } }),
      want: 'schemas/connector-with-status.schema.json:115:7 at /properties/x/minItems: minItems 2 is greater than maxItems 1, so no array is valid\n  fix: lower "minItems" or raise "maxItems"',
    },
  ],
  [
    "an enum value of another type than the type next to it",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", enum: ["a", 1] } } }),
      want: 'schemas/connector-with-status.schema.json:114:9 at /properties/x/enum/1: enum value 1 is not of type "string", so it can never be valid\n  fix: remove the value, or add its type to "type"',
    },
  ],
  [
    "an enum value outside a type list",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: ["string", "null"], enum: ["a", true] } } }),
      want: 'schemas/connector-with-status.schema.json:117:9 at /properties/x/enum/1: enum value true is not of type "string" or "null", so it can never be valid\n  fix: remove the value, or add its type to "type"',
    },
  ],
  [
    "a const of another type than the type next to it",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "integer", const: 1.5 } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/const: const 1.5 is not of type "integer", so no value is valid\n  fix: make the const a value of that type, or fix "type"',
    },
  ],
  [
    "null in two branches of a oneOf",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { oneOf: [{ type: ["string", "null"] }, { type: "null" }] } } }),
      want: 'schemas/connector-with-status.schema.json:118:9 at /properties/x/oneOf/1: null is accepted by branches 0 and 1 of "oneOf", so null is never valid (oneOf needs exactly one branch to match)\n  fix: accept null in one branch only (drop "null" from the other branch\'s "type"), or use "anyOf"',
    },
  ],
  // Issue 20: accepted once, then broken at build time. Each is refused where it is written.
  [
    "a definition that only refers to itself",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { $ref: "#/$defs/Loop" } }, $defs: { Loop: { $ref: "#/$defs/Loop" } } }),
      want: 'schemas/connector-with-status.schema.json:130:7 at /$defs/Loop/$ref: $ref "#/$defs/Loop" makes Loop contain itself with no object property in between (Loop → Loop), a type TypeScript cannot declare\n  fix: let the recursion pass through an object\'s property (e.g. {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": ...}}}}), or remove it',
    },
  ],
  [
    "a recursive array definition (no object property in between)",
    {
      file: () => ({
        ...canonical,
        properties: { ...properties(), x: { $ref: "#/$defs/List" } },
        $defs: { List: { type: "array", items: { $ref: "#/$defs/List" } } },
      }),
      want: 'schemas/connector-with-status.schema.json:132:9 at /$defs/List/items/$ref: $ref "#/$defs/List" makes List contain itself with no object property in between (List → List), a type TypeScript cannot declare\n  fix: let the recursion pass through an object\'s property (e.g. {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": ...}}}}), or remove it',
    },
  ],
  [
    "a repeated enum value",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", enum: ["a", "b", "a"] } } }),
      want: 'schemas/connector-with-status.schema.json:115:9 at /properties/x/enum/2: enum value "a" is listed twice (first at /properties/x/enum/0)\n  fix: remove the repeated value',
    },
  ],
  [
    "a default of another type than its schema",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "integer", default: "three" } } }),
      want: 'schemas/connector-with-status.schema.json:112:7 at /properties/x/default: default "three" does not match its schema: the value must be integer\n  fix: make the default a valid value of the schema, or remove it',
    },
  ],
  [
    "an optional property named like an Object.prototype member",
    {
      file: () => ({ ...canonical, properties: { ...properties(), toString: { type: "string" } } }),
      want: 'schemas/connector-with-status.schema.json:110:5 at /properties/toString: optional property "toString" has the name of a member every JavaScript object inherits (Object.prototype.toString): TypeScript would see the inherited one on every value that leaves it out\n  fix: make "toString" required, or rename it',
    },
  ],
  [
    "a minItems too large to build a fixture of",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "array", items: { type: "string" }, minItems: 1e8 } } }),
      want: 'schemas/connector-with-status.schema.json:115:7 at /properties/x/minItems: minItems 100000000 is above the 1000 items the fixtures build an array of (every fixture case would hold one)\n  fix: lower "minItems" to at most 1000',
    },
  ],
  [
    "a minLength too large to build a fixture of, with a format",
    {
      file: () => ({ ...canonical, properties: { ...properties(), x: { type: "string", format: "email", minLength: 1e8 } } }),
      want: 'schemas/connector-with-status.schema.json:113:7 at /properties/x/minLength: minLength 100000000 is above the 10000 characters the fixtures build a string of (every fixture case would hold one)\n  fix: lower "minLength" to at most 10000',
    },
  ],
];

/**
 * A project whose outputs exist (so "nothing written" can be checked byte for byte), whose user
 * then replaces the canonical schema with `text` and runs generate. `written()` lists the files
 * other than the schema that differ from before the run.
 */
async function breakCanonical(text: string | object) {
  const root = await makeProject({ "connector-with-status.schema.json": canonical });
  expect((await runCli("generate", "--root", root)).code).toBe(0);
  const before = await snapshotTree(root);
  const schemaFile = "schemas/connector-with-status.schema.json";
  await writeFile(path.join(root, schemaFile), typeof text === "string" ? text : `${JSON.stringify(text, null, 2)}\n`);
  const run = await runCli("generate", "--root", root);
  const written = async () => {
    const after = await snapshotTree(root);
    const paths = new Set([...before.keys(), ...after.keys()]);
    return [...paths].filter((p) => p !== schemaFile && before.get(p) !== after.get(p));
  };
  return { run, written };
}

describe("bad input", () => {
  it.each(cases)("%s: exit 1, located message with a fix, no stack, nothing written", async (_name, { file, want }) => {
    const { run, written } = await breakCanonical(file());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^contracts generate: 1 problem in 1 schema file; nothing was written\.$/m);
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack frames
    expect(await written()).toEqual([]);
  });

  it.each(exact)("%s: exit 1, exactly this message, nothing written", async (_name, { file, want }) => {
    const { run, written } = await breakCanonical(file());
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: "",
      stderr: `contracts generate: 1 problem in 1 schema file; nothing was written.\n\n${want}`,
    });
    expect(await written()).toEqual([]);
  });

  it("reports two schemas with the same title in both files", async () => {
    const root = await makeProject({
      "a.schema.json": { ...canonical, title: "Dup", $id: schemaId("a.schema.json") },
      "b.schema.json": { ...canonical, title: "Dup", $id: schemaId("b.schema.json") },
    });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('schemas/a.schema.json:4:3 at /title: title "Dup" is also the title of schemas/b.schema.json');
    expect(run.stderr).toContain('schemas/b.schema.json:4:3 at /title: title "Dup" is also the title of schemas/a.schema.json');
  });

  // schemas/ is flat, so two files share an $id only if one of them breaks the rule that an $id
  // ends with its file's name: that file reports both.
  it("reports two schemas with the same $id in both files", async () => {
    const id = schemaId("a.schema.json");
    const root = await makeProject({ "a.schema.json": { ...canonical, title: "Aa", $id: id }, "b.schema.json": { ...canonical, title: "Bb", $id: id } });
    const run = await runCli("generate", "--root", root);
    const fix = "  fix: give each schema its own $id (usually its URL ending in the file name)";
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: [
        "contracts generate: 3 problems in 2 schema files; nothing was written.",
        "",
        `schemas/a.schema.json:3:3 at /$id: $id "${id}" is also the $id of schemas/b.schema.json; a $ref by $id could name either file`,
        fix,
        "",
        `schemas/b.schema.json:3:3 at /$id: "$id" "${id}" does not end with the file's name, "b.schema.json"`,
        '  fix: end it with "/b.schema.json" (e.g. "https://contracts.dev/schemas/b.schema.json") so relative "$ref"s resolve to the same file for every JSON Schema tool; or, to accept it, set "rules": { "id-required": "warn" } (or "off") in contracts.config.json',
        "",
        `schemas/b.schema.json:3:3 at /$id: $id "${id}" is also the $id of schemas/a.schema.json; a $ref by $id could name either file`,
        fix,
      ].join("\n"),
    });
  });

  it("accepts annotations next to $ref, anyOf and oneOf, and type next to enum and const", async () => {
    const notes = { description: "d", title: "T", readOnly: true, deprecated: true, default: "x", examples: ["x"], "x-note": 1 };
    const root = await makeProject({
      "connector-with-status.schema.json": {
        ...canonical,
        $defs: { Name: { type: "string" } },
        properties: {
          ...properties(),
          a: { $ref: "#/$defs/Name", ...notes },
          b: { anyOf: [{ type: "string" }, { type: "null" }], ...notes },
          c: { oneOf: [{ type: "string" }, { type: "null" }], ...notes },
          d: { type: ["integer", "null"], enum: [1, 2, null] },
          e: { type: "number", const: 1 },
        },
      },
    });
    const run = await runCli("generate", "--root", root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("reports every problem of every file in one run", async () => {
    const root = await makeProject({
      "a.schema.json": "{",
      "b.schema.json": { ...canonical, title: "lower", $id: schemaId("b.schema.json"), additionalProperties: true },
      "c.schema.json": { ...canonical, title: "Fine", $id: schemaId("c.schema.json") },
    });
    const run = await runCli("check", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^contracts check: 3 problems in 2 schema files; nothing was written\.$/m);
    expect(run.stderr).toContain("schemas/a.schema.json:1:2: is not valid JSON");
    expect(run.stderr).toContain('schemas/b.schema.json:4:3 at /title: title "lower" is not a PascalCase identifier');
    expect(run.stderr).toContain("schemas/b.schema.json:1:1: an object with declared properties must be closed");
    await expect(readFile(path.join(root, "packages/types/src/generated/index.ts"))).rejects.toThrow(/ENOENT/);
  });

  it("says so when there is no schema at all", async () => {
    const root = await makeProject({});
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("schemas/:1:1: no *.schema.json file found");
  });
});

describe("relative $refs across files", () => {
  it("must reach the same file by file path and by $id", async () => {
    const schema = (id: string, title: string, properties: object) => ({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: id,
      title,
      type: "object",
      properties,
      required: Object.keys(properties),
      additionalProperties: false,
    });
    const root = await makeProject({
      "a.schema.json": schema("https://x.dev/one/a.schema.json", "A", { b: { $ref: "./b.schema.json" } }),
      "b.schema.json": schema("https://y.dev/two/b.schema.json", "B", { n: { type: "string" } }),
    });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "contracts generate: 1 problem in 1 schema file; nothing was written.",
        "",
        'schemas/a.schema.json:8:7 at /properties/b/$ref: $ref "./b.schema.json" leads to schemas/b.schema.json by file but to https://x.dev/one/b.schema.json by "$id", and schemas/b.schema.json\'s "$id" is https://y.dev/two/b.schema.json',
        '  fix: give both files "$id"s with the same base (e.g. "https://contracts.dev/schemas/<file name>"), or refer to the other file by its "$id"',
      ].join("\n"),
    );
  });
});
