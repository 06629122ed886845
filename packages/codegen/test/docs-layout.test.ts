import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { format, util } from "prettier";
import { describe, expect, it } from "vitest";
import { printDeclaration } from "../src/emit/docs/declaration.js";
import { docsEmitter } from "../src/emit/docs/index.js";
import { cellText, codeCell, table } from "../src/emit/docs/markdown.js";
import { displayWidth } from "../src/emit/docs/width.js";
import type { Json, TypeNode } from "../src/model/types.js";
import { modelFromFiles } from "../src/core/generate.js";
import type { RawSchemaFile } from "../src/load/read.js";
import { firstPropertyType, generateWith, canonicalSchemaText, CANONICAL_FILE, REPO_ROOT } from "./helpers.js";

/*
 * The docs emitter writes its pages, Definition blocks and pages module in prettier's layout
 * without running prettier. prettier stays the oracle here: with the options the emitter used to
 * call it with, it must leave every output unchanged, and it must lay out the declaration text
 * printed at unlimited width exactly as printDeclaration does at 80 columns.
 */

const SCHEMA = "https://json-schema.org/draft/2020-12/schema";
// The docs package's verbatim copy of shared/spec/ConnectorWithStatus.md.
const SPEC_COPY = path.join(REPO_ROOT, "packages/docs/test/fixtures/ConnectorWithStatus.md");
// The options the emitter used to format pages with (frontmatter stays out of prettier's YAML pass).
const markdown = (text: string) => format(text, { parser: "markdown", proseWrap: "preserve", embeddedLanguageFormatting: "off" });
// The declaration as one text with no line-width layout: only its expanded objects are broken,
// which prettier keeps broken (it chooses every other break itself).
const declaration = (name: string, node: TypeNode) => printDeclaration(name, node, Infinity);
const typescript = async (text: string, printWidth = 80) => (await format(text, { parser: "typescript", printWidth })).trimEnd();

/** The ```ts blocks of a page. */
function tsBlocks(page: string): string[] {
  return [...page.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map((m) => m[2] as string);
}

async function expectPrettierFixpoints(files: ReadonlyMap<string, string>): Promise<void> {
  for (const [file, text] of files) {
    if (file.endsWith(".md")) {
      expect(await markdown(text), file).toBe(text);
      for (const block of tsBlocks(text)) expect(await typescript(block), file).toBe(block);
    } else {
      expect(`${await typescript(text, 100)}\n`, file).toBe(text);
    }
  }
}

/** An entity whose page holds every layout prettier would otherwise have to fix. */
const awkwardSchema = {
  $schema: SCHEMA,
  $id: "https://contracts.dev/schemas/awkward.schema.json",
  title: "Awkward",
  description: "Awkward | things: `a | b`, ``double `tick` code``, 名前, emoji 😀, e\u0301, tab\tand  spaces, **strong** and [a link](https://contracts.dev).",
  type: "object",
  "x-docs": { section: "Reference", group: "Edge `cases`  and 名前", order: -1.5 },
  $defs: {
    Point: {
      description: "A point; `x` | `y`.",
      type: "object",
      properties: { x: { type: "number" }, y: { type: "number" } },
      required: ["x", "y"],
      additionalProperties: false,
    },
  },
  properties: {
    status: {
      description: "One of several rather long states, each `quoted` | piped.",
      enum: ["waiting-for-approval", "approved-by-reviewer", "rejected-by-reviewer", "archived-after-expiry", null],
    },
    tags: { type: "array", items: { enum: ["first-long-tag-value", "second-long-tag-value", "third-long-tag-value", "fourth"] } },
    byName: {
      type: "object",
      additionalProperties: { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false },
    },
    café: { type: "string", description: "A key that is an identifier to prettier, not to us." },
    名前: { enum: ["値", "😀", "e\u0301"], description: "全角の説明です。" },
    quote: { const: 'say "hi"' },
    constant: { const: { "a-b": [1, "x"], n: null, big: 1e21 } },
    nested: {
      type: "object",
      properties: {
        point: { $ref: "#/$defs/Point" },
        where: { anyOf: [{ $ref: "#/$defs/Point" }, { type: "null" }] },
        counts: {
          type: "object",
          additionalProperties: { enum: ["a-rather-long-value-for-the-record-of-counts", "and-another-long-one-here", null] },
        },
      },
      additionalProperties: false,
    },
    "a-property-name-long-enough-to-push-its-line-past-eighty-columns-on-its-own": { type: ["string", "null"] },
  },
  required: ["status", "nested"],
  additionalProperties: false,
};

async function awkwardFiles(): Promise<RawSchemaFile[]> {
  return [
    { file: `schemas/${CANONICAL_FILE}`, text: await canonicalSchemaText() },
    { file: "schemas/awkward.schema.json", text: JSON.stringify(awkwardSchema, null, 2) },
  ];
}

describe("prettier leaves every output unchanged", () => {
  it("the canonical schema: the spec page, the index and the pages module", async () => {
    const files = await generateWith([docsEmitter], [{ file: `schemas/${CANONICAL_FILE}`, text: await canonicalSchemaText() }]);
    expect(files.get("packages/docs/pages/ConnectorWithStatus.md")).toBe(await readFile(SPEC_COPY, "utf8"));
    await expectPrettierFixpoints(files);
  });

  it.each(["generality", "refs"])("the %s fixtures", async (fixtures) => {
    const dir = path.join(import.meta.dirname, "fixtures", fixtures);
    const names = (await readdir(dir)).sort();
    const files = await Promise.all(names.map(async (name) => ({ file: `schemas/${name}`, text: await readFile(path.join(dir, name), "utf8") })));
    await expectPrettierFixpoints(await generateWith([docsEmitter], files));
  });

  it("a page with long unions, nested objects, wide characters, quotes, pipes and backticks", async () => {
    const files = await generateWith([docsEmitter], await awkwardFiles());
    await expectPrettierFixpoints(files);
    await expect(files.get("packages/docs/pages/Awkward.md")).toMatchFileSnapshot("golden/docs/Awkward.md");
  });

  it("a Fields cell says its property's type in the words of the Definition block (literals, object values)", async () => {
    const page = (await generateWith([docsEmitter], await awkwardFiles())).get("packages/docs/pages/Awkward.md") ?? "";
    const block = page.slice(page.indexOf("```ts\n"), page.indexOf("\n```\n"));
    // Members the block prints on one line, `  name?: T;`, at the interface's own depth.
    const inBlock = new Map(
      [...block.matchAll(/^ {2}("[^"]+"|[^\s?:]+)\??: (.+);$/gm)].map((m) => [JSON.parse(m[1]!.startsWith('"') ? m[1]! : `"${m[1]}"`) as string, m[2]!]),
    );
    const cells = new Map(
      [...page.slice(page.indexOf("## Fields")).matchAll(/^\| `([^`]+)` +\| `(.+?)` +\|/gm)].map((m) => [m[1]!, m[2]!.replaceAll("\\|", "|")]),
    );
    const compared = [...cells].filter(([name]) => inBlock.has(name));
    for (const name of ["quote", "constant"]) expect(compared.map(([n]) => n)).toContain(name);
    for (const [name, cell] of compared) expect(cell, name).toBe(inBlock.get(name));
  });

  it("the pages module with long, quoted and non-ASCII frontmatter values", async () => {
    const entity = (title: string, description: string, group: string, order: number) => ({
      file: `schemas/${title.toLowerCase()}.schema.json`,
      text: JSON.stringify({
        $schema: SCHEMA,
        $id: `https://contracts.dev/schemas/${title.toLowerCase()}.schema.json`,
        title,
        description,
        "x-docs": { section: "Reference", group, order },
        type: "object",
        properties: {},
        additionalProperties: false,
      }),
    });
    const files = await generateWith(
      [docsEmitter],
      [
        entity("A", "", "", 0),
        entity("Quoted", 'Says "hi" and "bye"; it\'s fine.', "名前のグループ", -3),
        entity("Long", "A description long enough that the property no longer fits on one line of a hundred columns.", "Types", 1e21),
      ],
    );
    await expectPrettierFixpoints(files);
    expect(files.get("packages/docs/src/generated/pages.ts")).toContain(`    description: 'Says "hi" and "bye"; it\\'s fine.',\n`);
    expect(files.get("packages/docs/src/generated/pages.ts")).toContain(`    description:\n      "A description long enough`);
    // One entity, and none at all: the other shapes of the alias and the array.
    await expectPrettierFixpoints(await generateWith([docsEmitter], [entity("Quoted", "Short.", "Types", 1)]));
    const empty = await generateWith([docsEmitter], []);
    await expectPrettierFixpoints(empty);
    expect(empty.get("packages/docs/src/generated/pages.ts")).toContain("export type EntityName = never;");
  });
});

describe("printDeclaration lays out the declaration text as prettier does", () => {
  const typeOf = (property: object): TypeNode =>
    firstPropertyType(
      modelFromFiles([
        {
          file: "schemas/thing.schema.json",
          text: JSON.stringify({
            $schema: SCHEMA,
            $id: "https://contracts.dev/schemas/thing.schema.json",
            title: "Thing",
            type: "object",
            properties: { p: property },
            additionalProperties: false,
          }),
        },
      ]),
    );
  const long = ["waiting-for-approval", "approved-by-reviewer", "rejected-by-reviewer", "archived"];

  const cases: [string, { given: object; want: string }][] = [
    ["a union that fits stays on the alias line", { given: { enum: ["a", "b"] }, want: 'type T = "a" | "b";' }],
    // The table cell prints the same syntax (docs-emitter.test.ts): one printer, one parenthesization.
    [
      "an array of a one-branch anyOf of an enum parenthesizes it",
      { given: { type: "array", items: { anyOf: [{ enum: ["a", "b"] }] } }, want: 'type T = ("a" | "b")[];' },
    ],
    [
      "a long union breaks one member a line",
      { given: { enum: long }, want: 'type T =\n  | "waiting-for-approval"\n  | "approved-by-reviewer"\n  | "rejected-by-reviewer"\n  | "archived";' },
    ],
    [
      "an array of a long union keeps its parentheses on their own lines",
      {
        given: { type: "array", items: { enum: long } },
        want: 'type T = (\n  | "waiting-for-approval"\n  | "approved-by-reviewer"\n  | "rejected-by-reviewer"\n  | "archived"\n)[];',
      },
    ],
    [
      "a record of an object breaks its type arguments",
      {
        given: { type: "object", additionalProperties: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false } },
        want: "type T = Record<\n  string,\n  {\n    a?: string;\n  }\n>;",
      },
    ],
    [
      "an object or null hugs the null",
      {
        given: { anyOf: [{ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, { type: "null" }] },
        want: "type T = {\n  a?: string;\n} | null;",
      },
    ],
    [
      "a const object stays flat, quotes as prettier prefers",
      { given: { const: { "a-b": [1, 'say "hi"'], café: 1e21 } }, want: 'type T = { "a-b": [1, \'say "hi"\']; café: 1e21 };' },
    ],
    ["an empty const object", { given: { const: {} }, want: "type T = Record<string, never>;" }],
    [
      "a wide character takes two columns",
      {
        given: { enum: ["名前名前名前名前名前名前名前名前名前名前", "値値値値値値値値値値値値値値値値値値値値"] },
        want: 'type T =\n  | "名前名前名前名前名前名前名前名前名前名前"\n  | "値値値値値値値値値値値値値値値値値値値値";',
      },
    ],
  ];
  it.each(cases)("%s", async (_, { given, want }) => {
    const node = typeOf(given);
    expect(printDeclaration("T", node)).toBe(want);
    expect(await typescript(declaration("T", node))).toBe(want);
  });

  it.each<[string, object]>([
    ["a tuple", { type: "array", prefixItems: [{ type: "string" }, { enum: [1, 2] }], items: { type: "boolean" }, minItems: 1 }],
    ["a long tuple", { type: "array", prefixItems: [{ enum: long }, { type: "string" }, { enum: long }], items: false, minItems: 3 }],
    [
      "an intersection of objects",
      {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
          { type: "object", properties: { b: { type: "number" } }, additionalProperties: false },
        ],
      },
    ],
    ["an intersection with a union", { allOf: [{ enum: long }, { type: "string" }] }],
    ["an array of an intersection", { type: "array", items: { allOf: [{ type: "string" }, { enum: ["a", "b"] }] } }],
    [
      "patternProperties beside properties",
      { type: "object", properties: { id: { type: "integer" } }, patternProperties: { "^x-": { enum: long } }, additionalProperties: false },
    ],
    ["if/then/else", { if: { type: "string" }, then: { type: "string" }, else: { type: "array", prefixItems: [{ type: "number" }] } }],
    ["false", { not: {} }],
  ])("%s: as prettier lays out the declaration text", async (_name, given) => {
    const node = typeOf(given);
    expect(printDeclaration("T", node)).toBe(await typescript(declaration("T", node)));
  });

  it("an index signature breaks its brackets when its type does not fit, as prettier does", async () => {
    // Conventions close every object with properties, so this shape only comes from the model's type.
    const node: TypeNode = {
      kind: "object",
      pointer: "",
      // `a` has the index's type: TypeScript checks every property against the index signature.
      properties: [
        { name: "a", required: true, type: { kind: "const", pointer: "", value: "a-literal-type-long-enough-to-overflow-the-line-by-itself-alone" } },
      ],
      additionalProperties: { kind: "const", pointer: "", value: "a-literal-type-long-enough-to-overflow-the-line-by-itself-alone" },
    };
    expect(printDeclaration("T", node)).toBe(await typescript(declaration("T", node)));
    expect(printDeclaration("T", node)).toContain("  [\n    key: string\n  ]: ");
  });

  it("agrees with prettier on random types", async () => {
    await fc.assert(
      fc.asyncProperty(typeNode(), fc.constantFrom("Thing", "plan-tier", "ANameLongEnoughToMatterForTheLineWidthOfTheAlias"), async (node, name) => {
        expect(printDeclaration(name, node)).toBe(await typescript(declaration(name, node)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("tables and cells are what prettier prints", () => {
  it("display widths are prettier's", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => displayWidth(text) === util.getStringWidth(text)));
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => displayWidth(text) === util.getStringWidth(text)));
    for (const text of ["名前", "😀", "🇫🇷", "©", "e\u0301", "\u200B", "देवनागरी", "ＡＢＣ", "\u0007"])
      expect(displayWidth(text), text).toBe(util.getStringWidth(text));
  });

  it("a table of code cells and prose cells is a prettier fixpoint", async () => {
    const prose = fc.stringMatching(/^[a-zA-Z0-9 \t|`\\.,:;()'"\-名前値😀é\u0301ＡＢ]{0,24}$/);
    // No backslash in code: GFM has no spelling of `\|` inside a code span in a table cell.
    const code = fc.stringMatching(/^[a-zA-Z0-9 \t|`.,:;()'"\-名前値😀é\u0301ＡＢ]{0,24}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(code, prose), { minLength: 1, maxLength: 4 }), async (rows) => {
        const text = `${table(
          ["Field", "Notes"],
          rows.map(([code, description]) => [codeCell(code), cellText(description.trim())]),
        )}\n`;
        expect(await markdown(text)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ["runs of spaces and tabs become one space", "a  b\tc", "a b c"],
    ["pipes are escaped, also in code spans", "a | b `c | d`", "a \\| b `c \\| d`"],
    ["an escaped pipe stays one escaped pipe", "a \\| b", "a \\| b"],
    ["code spans take the fewest backticks that work", "``a``, ``` b ` c ```", "`a`, ``b ` c``"],
    ["an unmatched backtick is text", "a ` b", "a ` b"],
    ["a newline becomes a space", "one\n  two", "one two"],
    ["emphasis is spelled with underscores", "Use *only* this", "Use _only_ this"],
    ["strong is spelled with asterisks", "Calls __init__ first", "Calls **init** first"],
    ["emphasis between letters keeps asterisks", "a*b*c", "a*b*c"],
    ["emphasis in strong", "***both***", "_**both**_"],
    ["a lone asterisk is text", "2 * 3", "2 * 3"],
    ["inside emphasis a delimiter that could open is escaped", "*a _b c*", "_a \\_b c_"],
    ["emphasis beside and inside a link", "*see* [the *docs*](https://x.dev/a_b)", "_see_ [the _docs_](https://x.dev/a_b)"],
  ])("cell prose: %s", async (_, given, want) => {
    expect(cellText(given)).toBe(want);
    const text = `${table(["A"], [[want]])}\n`;
    expect(await markdown(text)).toBe(text);
  });
});

describe("emphasis in descriptions is printed as prettier prints it", () => {
  it("for random prose with `*`, `_`, backticks, escapes and links", async () => {
    const pieces = ["a", "bc", " ", "*", "_", "**", "__", "`c`", "\\*", ".", "?", "(", ")", "é", "1", "'", "[x](https://y.z/a_b)", "[*x* y](u)"];
    const prose = fc
      .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 })
      .map((parts) => parts.join("").trim())
      .filter((text) => text !== "");
    await fc.assert(
      fc.asyncProperty(prose, async (text) => {
        const asWritten = `${table(["A"], [[text.replace(/\|/g, "\\|")]])}\n`;
        expect(`${table(["A"], [[cellText(text)]])}\n`).toBe(await markdown(asWritten));
      }),
      { numRuns: 300 },
    );
  });
});

/** Random type nodes of every kind the model has, with awkward names and literals. */
function typeNode(): fc.Arbitrary<TypeNode> {
  const words = ["a", "status", "x-trace-id", "café", "名前", "class", "1", 'a"b', "it's", "a|b", "`t`", "kebab-key-long-name-for-the-line", "$ok_1", ""];
  const strings = ["draft", "a long enum value that takes up a good part of the line", 'say "hi"', "it's", "名前名前名前", "😀", "a|b", "`t`", "e\u0301"];
  const literal = fc.constantFrom<string | number | boolean | null>(...strings, 0, -5, 1.5, 1e21, true, false, null);
  const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      literal,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...words), tie("value"), { maxKeys: 3 }),
    ),
  })).value;
  const base = { pointer: "" };
  return fc.letrec<{ node: TypeNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<TypeNode>(...(["string", "number", "integer", "boolean", "null", "unknown"] as const).map((kind) => ({ kind, ...base }) as TypeNode)),
      fc.array(literal, { maxLength: 6 }).map((values): TypeNode => ({ kind: "enum", values, ...base })),
      json.map((value): TypeNode => ({ kind: "const", value, ...base })),
      fc
        .constantFrom("Member", "plan-tier", "ADefinitionNameLongEnoughToCount")
        .map((name): TypeNode => ({ kind: "ref", ref: "#", target: { file: "x", pointer: "/$defs/x", name }, ...base })),
      tie("node").map((items): TypeNode => ({ kind: "array", items, ...base })),
      fc.array(tie("node"), { maxLength: 4 }).map((members): TypeNode => ({ kind: "union", via: "anyOf", members, ...base })),
      fc
        .record({
          properties: fc.array(fc.record({ name: fc.constantFrom(...words), required: fc.boolean(), type: tie("node") }), { maxLength: 4 }),
          additionalProperties: fc.oneof(fc.constant<false>(false), tie("node")),
        })
        .map(({ properties, additionalProperties }): TypeNode => ({ kind: "object", properties, additionalProperties, ...base })),
    ),
  })).node;
}
