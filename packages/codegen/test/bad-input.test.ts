import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalSchema, canonicalSchemaText, makeProject, runCli, snapshotTree } from "./helpers.js";

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
      want: [/^schemas\/connector-with-status\.schema\.json:2:3 at \/\$schema: is not a JSON Schema 2020-12 document: "\$schema" is "http:\/\/json-schema\.org\/draft-07\/schema#"$/m, /fix: set "\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/],
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
      want: [/^schemas\/connector-with-status\.schema\.json:\d+:\d+ at \/properties\/name\/type: is not valid JSON Schema 2020-12: type must be one of "array", "boolean", "integer", "null", "number", "object", "string"$/m],
    },
  ],
  [
    "a $ref that does not resolve",
    {
      file: () => ({ ...canonical, properties: { ...properties(), owner: { $ref: "#/$defs/User" } } }),
      want: [/^schemas\/connector-with-status\.schema\.json:\d+:\d+ at \/properties\/owner\/\$ref: \$ref "#\/\$defs\/User" points at \/\$defs\/User of schemas\/connector-with-status\.schema\.json, where nothing is defined$/m, /fix: fix the pointer, or add the definition/],
    },
  ],
  [
    "a $ref to a file that does not exist",
    {
      file: () => ({ ...canonical, properties: { ...properties(), owner: { $ref: "./user.schema.json" } } }),
      want: [/at \/properties\/owner\/\$ref: \$ref "\.\/user\.schema\.json" points at schemas\/user\.schema\.json, which is not a schema file of this project$/m],
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
      want: [/^schemas\/connector-with-status\.schema\.json:4:3 at \/title: title "connector with status" is not a PascalCase identifier$/m, /fix: rename it to "ConnectorWithStatus"/],
    },
  ],
  [
    "a root that is not an object schema",
    {
      file: () => ({ ...canonical, type: "array" }),
      want: [/^schemas\/connector-with-status\.schema\.json:5:3 at \/type: the root is not an object schema: an entity is an object$/m],
    },
  ],
  [
    "an object with properties that is not closed",
    {
      file: () => ({ ...canonical, additionalProperties: true }),
      want: [/^schemas\/connector-with-status\.schema\.json:1:1: an object with declared properties must be closed$/m, /fix: add "additionalProperties": false/],
    },
  ],
  [
    "a keyword the emitters cannot honour",
    {
      file: () => ({ ...canonical, properties: { ...properties(), name: { type: "string", not: { const: "" } } } }),
      want: [/at \/properties\/name\/not: keyword "not" is not supported by the emitters$/m],
    },
  ],
];

describe("bad input", () => {
  it.each(cases)("%s: exit 1, located message with a fix, no stack, nothing written", async (_name, { file, want }) => {
    // A project whose outputs exist, so "nothing written" can be checked byte for byte.
    const root = await makeProject({ "connector-with-status.schema.json": canonical });
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    const before = await snapshotTree(root);

    const text = file();
    // The user breaks the schema that produced the outputs.
    const schemaFile = path.join(root, "schemas", "connector-with-status.schema.json");
    await writeFile(schemaFile, typeof text === "string" ? text : `${JSON.stringify(text, null, 2)}\n`);
    const run = await runCli("generate", "--root", root);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^contracts generate: 1 problem in 1 schema file; nothing was written\.$/m);
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack frames
    const after = await snapshotTree(root);
    after.delete("schemas/connector-with-status.schema.json");
    before.delete("schemas/connector-with-status.schema.json");
    expect(after).toEqual(before);
  });

  it("reports two schemas with the same title in both files", async () => {
    const root = await makeProject({ "a.schema.json": { ...canonical, title: "Dup" }, "b.schema.json": { ...canonical, title: "Dup", $id: "https://contracts.dev/b" } });
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('schemas/a.schema.json:4:3 at /title: title "Dup" is also the title of schemas/b.schema.json');
    expect(run.stderr).toContain('schemas/b.schema.json:4:3 at /title: title "Dup" is also the title of schemas/a.schema.json');
  });

  it("reports every problem of every file in one run", async () => {
    const root = await makeProject({
      "a.schema.json": "{",
      "b.schema.json": { ...canonical, title: "lower", type: "string" },
      "c.schema.json": { ...canonical, title: "Fine" },
    });
    const run = await runCli("check", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^contracts check: 3 problems in 2 schema files; nothing was written\.$/m);
    expect(run.stderr).toContain("schemas/a.schema.json:1:2: is not valid JSON");
    expect(run.stderr).toContain('schemas/b.schema.json:4:3 at /title: title "lower" is not a PascalCase identifier');
    expect(run.stderr).toContain("schemas/b.schema.json:5:3 at /type: the root is not an object schema");
    await expect(readFile(path.join(root, "packages/types/src/generated/index.ts"))).rejects.toThrow(/ENOENT/);
  });

  it("says so when there is no schema at all", async () => {
    const root = await makeProject({});
    const run = await runCli("generate", "--root", root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("schemas/:1:1: no *.schema.json file found");
  });
});
