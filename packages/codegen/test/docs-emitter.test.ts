import { format } from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import { docsEmitter, renderEntityPage, renderIndexPage, typeText } from "../src/emit/docs/index.js";
import { formatProblem, SchemaProblems } from "../src/errors.js";
import type { Model, TypeNode } from "../src/model/types.js";
import { modelFromFiles } from "../src/core/generate.js";
import { firstPropertyType, generateWith, canonicalSchemaText, CANONICAL_FILE, schemaId } from "./helpers.js";

const SCHEMA = "https://json-schema.org/draft/2020-12/schema";

/** A second entity, unlike the canonical one: optional fields, enums, arrays, $refs, odd keys. */
const workspaceSchema = {
  $schema: SCHEMA,
  $id: "https://contracts.dev/schemas/workspace.schema.json",
  title: "Workspace",
  description: "A tenant | account.",
  type: "object",
  "x-docs": { section: "Reference", group: "Core", order: 10 },
  $defs: {
    Member: {
      description: "Someone in the workspace.",
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        role: { enum: ["owner", "admin", "viewer"] },
        scopes: { type: "array", items: { type: "string" } },
      },
      required: ["email", "role"],
      additionalProperties: false,
    },
    "plan-tier": { description: "Billing tier.", enum: ["free", "pro"] },
  },
  properties: {
    id: { type: "integer", readOnly: true },
    members: { type: "array", items: { $ref: "#/$defs/Member" } },
    tier: { $ref: "#/$defs/plan-tier", deprecated: true },
    "x-trace-id": { type: ["string", "null"], writeOnly: true, description: "Line one\nline two." },
    labels: { type: "array", items: { type: ["string", "number"] } },
    kind: { const: "workspace" },
    primary: { $ref: "./connector-with-status.schema.json" },
    extra: { type: "object", additionalProperties: { type: "string" } },
    parent: { $ref: "#" },
  },
  required: ["id", "members"],
  additionalProperties: false,
};

let model: Model;
let page: string;
const canonicalAndWorkspace = async () => [
  { file: `schemas/${CANONICAL_FILE}`, text: await canonicalSchemaText() },
  { file: "schemas/workspace.schema.json", text: JSON.stringify(workspaceSchema, null, 2) },
];
beforeAll(async () => {
  model = modelFromFiles(await canonicalAndWorkspace());
  page = await renderEntityPage(entity("Workspace"), model);
});

function entity(name: string) {
  const found = model.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}

/** Field cells of the page's tables: `name` → [type, notes], as a reader sees them. */
function rows(markdown: string): Map<string, [string, string]> {
  return new Map(
    markdown
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) =>
        line
          .slice(2, -2)
          .split(/ +\| /)
          .map((cell) => cell.trim()),
      )
      .map((cells) => [cells[0] as string, [cells[1] as string, cells[2] as string]]),
  );
}

/** The normalized type of one property schema, through the real pipeline. */
function typeOf(property: object | boolean, defs: object = {}): TypeNode {
  const m = modelFromFiles([
    {
      file: "schemas/thing.schema.json",
      text: JSON.stringify({
        $schema: SCHEMA,
        $id: "https://contracts.dev/schemas/thing.schema.json",
        title: "Thing",
        type: "object",
        $defs: defs,
        properties: { p: property },
        additionalProperties: false,
      }),
    },
  ]);
  return firstPropertyType(m);
}

describe("typeText: one construct each, through the pipeline", () => {
  const cases: [string, { given: object | boolean; defs?: object; want: string }][] = [
    ["string with a format renders as string", { given: { type: "string", format: "date-time" }, want: "string" }],
    ["integer", { given: { type: "integer" }, want: "number" }],
    ["no type keyword", { given: { description: "anything" }, want: "unknown" }],
    ["type array, schema order", { given: { type: ["null", "string"] }, want: "null | string" }],
    ["anyOf, schema order", { given: { anyOf: [{ type: "boolean" }, { type: "null" }] }, want: "boolean | null" }],
    ["enum, schema order, with null", { given: { enum: ["b", "a", 1, true, null] }, want: '"b" | "a" | 1 | true | null' }],
    ["const object with an odd key", { given: { const: { "a-b": [1, "x"] } }, want: '{ "a-b": [1, "x"] }' }],
    ["array of string", { given: { type: "array", items: { type: "string" } }, want: "string[]" }],
    ["array of a union gets parentheses", { given: { type: "array", items: { type: ["string", "null"] } }, want: "(string | null)[]" }],
    ["array of an enum", { given: { type: "array", items: { enum: ["a", "b"] } }, want: '("a" | "b")[]' }],
    ["array of a one-value enum", { given: { type: "array", items: { enum: ["a"] } }, want: '"a"[]' }],
    // Was `"a" | "b"[]` (an array of "b", or "a"), while the Definition block and the types said `("a" | "b")[]`.
    ["array of a one-branch anyOf of an enum", { given: { type: "array", items: { anyOf: [{ enum: ["a", "b"] }] } }, want: '("a" | "b")[]' }],
    ["array of a one-branch anyOf of a type array", { given: { type: "array", items: { anyOf: [{ type: ["string", "null"] }] } }, want: "(string | null)[]" }],
    ["array without items", { given: { type: "array" }, want: "unknown[]" }],
    ["open record", { given: { type: "object", additionalProperties: {} }, want: "Record<string, unknown>" }],
    ["typed record", { given: { type: "object", additionalProperties: { type: "number" } }, want: "Record<string, number>" }],
    ["closed empty object", { given: { type: "object", additionalProperties: false }, want: "Record<string, never>" }],
    [
      "object: optional, non-identifier and $ keys",
      {
        given: {
          type: "object",
          properties: { a: { type: "string" }, "kebab-key": { type: "string" }, $ok_1: { type: "null" } },
          required: ["a", "$ok_1"],
          additionalProperties: false,
        },
        want: '{ a: string; "kebab-key"?: string; $ok_1: null; }',
      },
    ],
    ["$ref to a $defs key that is no identifier", { given: { $ref: "#/$defs/plan-tier" }, defs: { "plan-tier": { enum: ["x"] } }, want: "PlanTier" }],
    ["$ref to a titled $defs entry", { given: { $ref: "#/$defs/t" }, defs: { t: { title: "Tier", enum: ["x"] } }, want: "Tier" }],
    ["$ref to the entity itself", { given: { type: "array", items: { $ref: "#" } }, want: "Thing[]" }],
    // Issue 13: every construct of 2020-12 gets a type text.
    ["the schema false", { given: false, want: "never" }],
    ["the schema true", { given: true, want: "unknown" }],
    [
      "allOf of objects: an intersection",
      {
        given: { allOf: [{ $ref: "#/$defs/A" }, { type: "object", properties: { b: { type: "number" } }, required: ["b"], additionalProperties: false }] },
        defs: { A: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false } },
        want: "A & { b: number; }",
      },
    ],
    [
      "$ref with sibling properties",
      {
        given: { $ref: "#/$defs/A", type: "object", properties: { b: { type: "string" } }, additionalProperties: false },
        defs: { A: { type: "object", additionalProperties: {} } },
        want: "A & { b?: string; }",
      },
    ],
    ["an intersection of unions keeps their parentheses", { given: { allOf: [{ enum: ["a", "b"] }, { type: "string" }] }, want: '("a" | "b") & string' }],
    [
      "a tuple from prefixItems, closed",
      { given: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false, minItems: 2 }, want: "[string, number]" },
    ],
    [
      "a tuple's elements past minItems are optional, the rest is items",
      {
        given: { type: "array", prefixItems: [{ type: "string" }, { enum: [1, 2] }], items: { type: "boolean" }, minItems: 1 },
        want: "[string, (1 | 2)?, ...boolean[]]",
      },
    ],
    ["a tuple without items: any rest", { given: { type: "array", prefixItems: [{ type: "string" }] }, want: "[string?, ...unknown[]]" }],
    [
      "patternProperties: an index signature",
      { given: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false }, want: "Record<string, string>" },
    ],
    [
      "patternProperties beside properties: the index admits the properties' types",
      {
        given: { type: "object", properties: { id: { type: "integer" } }, patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
        want: "{ id?: number; [key: string]: string | number; }",
      },
    ],
    ["not: any value (TypeScript cannot exclude)", { given: { not: { type: "string" } }, want: "unknown" }],
    [
      "if/then/else: one of then and else",
      { given: { if: { type: "string" }, then: { minLength: 1, type: "string" }, else: { type: "number" } }, want: "string | number" },
    ],
    ["if/then alone: any value", { given: { if: { type: "string" }, then: { type: "string", minLength: 1 } }, want: "unknown" }],
    ["a const array", { given: { const: [] }, want: "[]" }],
    ["a type array of every type", { given: { type: ["array", "object", "null"] }, want: "unknown[] | Record<string, unknown> | null" }],
    [
      "typeless keywords constrain only their type",
      { given: { minLength: 2 }, want: "null | boolean | Record<string, unknown> | unknown[] | number | string" },
    ],
    [
      "contains, dependentRequired, propertyNames and counts do not change the type",
      {
        given: {
          type: "object",
          properties: { a: { type: "array", contains: { type: "string" }, minContains: 2 } },
          dependentRequired: { a: ["b"] },
          propertyNames: { maxLength: 3 },
          minProperties: 1,
          additionalProperties: false,
        },
        want: "{ a?: unknown[]; }",
      },
    ],
  ];
  it.each(cases)("%s", (_, { given, defs, want }) => {
    expect(typeText(typeOf(given, defs))).toBe(want);
  });
});

describe("entity page of a second schema (Workspace)", () => {
  it("frontmatter carries the schema description and x-docs", () => {
    expect(
      page.startsWith('---\ntitle: "Workspace"\ndescription: "A tenant | account."\nsection: "Reference"\ngroup: "Core"\norder: 10\n---\n\n## Definition\n\n'),
    ).toBe(true);
  });

  it("Definition: optional `?:`, quoted non-identifier key, refs by name, schema order", () => {
    expect(page).toContain(
      [
        "```ts",
        "interface Workspace {",
        "  id: number;",
        "  members: Member[];",
        "  tier?: PlanTier;",
        '  "x-trace-id"?: string | null;',
        "  labels?: (string | number)[];",
        '  kind?: "workspace";',
        "  primary?: ConnectorWithStatus;",
        "  extra?: Record<string, string>;",
        "  parent?: Workspace;",
        "}",
        "```",
      ].join("\n"),
    );
  });

  const fields = () => rows(page.slice(0, page.indexOf("## Definitions")));
  it.each([
    ["`id`", "`number`", "`readonly` `required`"],
    ["`members`", "`Member[]`", "`required`"],
    ["`tier`", "`PlanTier`", "`deprecated`"],
    ["`x-trace-id`", "`string \\| null`", "`writeonly` — Line one line two."],
    ["`labels`", "`(string \\| number)[]`", ""],
    ["`kind`", '`"workspace"`', ""],
    ["`primary`", "`ConnectorWithStatus`", ""],
    ["`extra`", "`Record<string, string>`", ""],
    ["`parent`", "`Workspace`", ""],
  ])("Fields row %s: type %s, notes %j", (field, type, notes) => {
    expect(fields().get(field)).toEqual([type, notes]);
  });

  it("Definitions: own $defs in declaration order, then other entities linked; no row for itself", () => {
    const defs = page.slice(page.indexOf("## Definitions"), page.indexOf("### Member"));
    expect(defs.match(/^\| [^\s-].*?(?= +\|)/gm)).toEqual([
      "| Definition",
      "| `Member`",
      "| `PlanTier`",
      "| [`ConnectorWithStatus`](./ConnectorWithStatus.md)",
    ]);
    expect(rows(defs).get("`PlanTier`")).toEqual(['`"free" \\| "pro"`', "Billing tier."]);
    expect(rows(defs).get("`Member`")).toEqual([
      '`{ email: string; role: "owner" \\| "admin" \\| "viewer"; scopes?: string[]; }`',
      "Someone in the workspace.",
    ]);
    expect(defs).toMatch(/^\| \[`ConnectorWithStatus`\]\(\.\/ConnectorWithStatus\.md\) \| see its page +\| The `ConnectorWithStatus` entity\. \|$/m);
  });

  it("an object definition gets its own interface and fields table", () => {
    const member = page.slice(page.indexOf("### Member"));
    expect(member).toContain('```ts\ninterface Member {\n  email: string;\n  role: "owner" | "admin" | "viewer";\n  scopes?: string[];\n}\n```');
    expect([...rows(member)]).toEqual([
      ["`email`", ["`string`", "`required`"]],
      ["`role`", ['`"owner" \\| "admin" \\| "viewer"`', "`required`"]],
      ["`scopes`", ["`string[]`", ""]],
    ]);
  });

  it("is LF, ends in one newline, is a prettier fixpoint and matches the golden page", async () => {
    expect(page).not.toMatch(/\r/);
    expect(page.endsWith("\n") && !page.endsWith("\n\n")).toBe(true);
    expect(await format(page, { parser: "markdown" })).toBe(page);
    await expect(page).toMatchFileSnapshot("golden/docs/Workspace.md");
  });

  it("a $defs entry of another file is declared on that entity's page and linked from the referring page", async () => {
    const invite = {
      $schema: SCHEMA,
      $id: "https://contracts.dev/schemas/invite.schema.json",
      title: "Invite",
      type: "object",
      properties: { from: { $ref: "./workspace.schema.json#/$defs/Member" } },
      required: ["from"],
      additionalProperties: false,
    };
    const m = modelFromFiles([
      { file: `schemas/${CANONICAL_FILE}`, text: await canonicalSchemaText() },
      { file: "schemas/workspace.schema.json", text: JSON.stringify(workspaceSchema) },
      { file: "schemas/invite.schema.json", text: JSON.stringify(invite) },
    ]);
    const text = await renderEntityPage(
      m.entities.find((e) => e.name === "Invite")!,
      m,
    );
    expect(text).toContain("  from: Member;\n");
    expect(text).toMatch(/^\| \[`Member`\]\(\.\/Workspace\.md\) +\| `\{ [^`]+ \}` +\|/m);
    expect(text).not.toContain("### Member");
    expect(text).not.toContain("interface Member");
    const home = await renderEntityPage(
      m.entities.find((e) => e.name === "Workspace")!,
      m,
    );
    expect(home).toContain("### Member\n\n```ts\ninterface Member {");
  });
});

describe("index page", () => {
  const schema = (title: string, docs?: object, description?: string) => ({
    file: `schemas/${title.toLowerCase()}.schema.json`,
    text: JSON.stringify({
      $schema: SCHEMA,
      $id: schemaId(`${title.toLowerCase()}.schema.json`),
      title,
      ...(description === undefined ? {} : { description }),
      ...(docs === undefined ? {} : { "x-docs": docs }),
      type: "object",
      properties: {},
      additionalProperties: false,
    }),
  });

  it("groups in code-unit order; in a group by order, then title in code-unit order", async () => {
    const m = modelFromFiles([
      schema("Zeta", { section: "Reference", group: "b", order: 1 }),
      schema("Alpha", { section: "Reference", group: "b", order: 1 }),
      schema("Beta", { section: "Reference", group: "b", order: 0 }),
      schema("Gamma", { section: "Reference", group: "B", order: 99 }, "G | g"),
      schema("Delta"),
    ]);
    const index = await renderIndexPage(m);
    expect(index.match(/^## .*$/gm)).toEqual(["## B", "## Types", "## b"]);
    expect(index.match(/\[`\w+`\]/g)).toEqual(["[`Gamma`]", "[`Delta`]", "[`Beta`]", "[`Alpha`]", "[`Zeta`]"]);
    expect(index).toContain("| [`Gamma`](./Gamma.md) | G \\| g      |");
  });

  it("of the two-entity model, each entity's views listed under it", async () => {
    expect(await renderIndexPage(model)).toBe(
      [
        "---",
        'title: "Entities"',
        'description: "Every entity, by group."',
        "---",
        "",
        "## Core",
        "",
        "| Entity                        | Description                                                                                     |",
        "| ----------------------------- | ----------------------------------------------------------------------------------------------- |",
        "| [`Workspace`](./Workspace.md) | A tenant \\| account.                                                                            |",
        "| `WorkspaceInput`              | View of Workspace: the body that creates or replaces one: readOnly properties are not sent.     |",
        "| `WorkspacePatch`              | View of Workspace: a JSON Merge Patch (RFC 7396) of one: any writable properties, at least one. |",
        "",
        "## Types",
        "",
        "| Entity                                            | Description                                                                                               |",
        "| ------------------------------------------------- | --------------------------------------------------------------------------------------------------------- |",
        "| [`ConnectorWithStatus`](./ConnectorWithStatus.md) | The `ConnectorWithStatus` entity.                                                                         |",
        "| `ConnectorWithStatusInput`                        | View of ConnectorWithStatus: the body that creates or replaces one: readOnly properties are not sent.     |",
        "| `ConnectorWithStatusPatch`                        | View of ConnectorWithStatus: a JSON Merge Patch (RFC 7396) of one: any writable properties, at least one. |",
        "",
      ].join("\n"),
    );
  });
});

describe("docs emitter", () => {
  it("writes a page per entity named by entity, the index and the pages module", async () => {
    const files = await generateWith([docsEmitter], await canonicalAndWorkspace());
    expect([...files.keys()]).toEqual([
      "packages/docs/pages/ConnectorWithStatus.md",
      "packages/docs/pages/Workspace.md",
      "packages/docs/pages/index.md",
      "packages/docs/src/generated/pages.ts",
    ]);
    const module = files.get("packages/docs/src/generated/pages.ts")!;
    expect(module).toMatch(
      /^\/\/ Generated by @contracts\/codegen from schemas\/connector-with-status\.schema\.json, schemas\/workspace\.schema\.json\. Do not edit/,
    );
    expect(module).toContain('export type EntityName = "ConnectorWithStatus" | "Workspace";');
    expect(module).toContain(
      [
        "  {",
        '    name: "Workspace",',
        '    path: "pages/Workspace.md",',
        '    title: "Workspace",',
        '    description: "A tenant | account.",',
        '    section: "Reference",',
        '    group: "Core",',
        "    order: 10,",
        "  },",
      ].join("\n"),
    );
  });

  it("refuses a title whose page would be index.md on a case-insensitive file system, at the title's line:column", async () => {
    const error = await generateWith(
      [docsEmitter],
      [
        {
          file: "schemas/index.schema.json",
          text: JSON.stringify(
            { $schema: SCHEMA, $id: schemaId("index.schema.json"), title: "Index", type: "object", properties: {}, additionalProperties: false },
            null,
            2,
          ),
        },
      ],
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaProblems);
    expect((error as SchemaProblems).problems.map(formatProblem)).toEqual([
      'schemas/index.schema.json:4:3 at /title: title "Index" names the docs page Index.md, which is the same file as that of the index page index.md on case-insensitive file systems\n' +
        '  fix: choose a title that differs from every other title, and from "Index", in more than letter case',
    ]);
  });
});
