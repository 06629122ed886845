import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { renderEntityPage } from "../src/emit/docs/index.js";
import { modelFromFiles } from "../src/core/generate.js";
import type { Entity, Model, TypeNode } from "../src/model/types.js";

/*
 * Pages of types that are not one object: a union definition gets a fields table per object
 * branch, and an entity whose root is a union, an enum or an array gets its Definition block
 * and a Fields table per object branch, or no Fields section at all.
 */

const SCHEMA = "https://json-schema.org/draft/2020-12/schema";
const shape = (kind: string, field: string) => ({
  type: "object",
  properties: { kind: { const: kind }, [field]: { type: "number", description: `The ${field}.` } },
  required: ["kind", field],
  additionalProperties: false,
});

const model: Model = modelFromFiles([
  {
    file: "schemas/canvas.schema.json",
    text: JSON.stringify({
      $schema: SCHEMA,
      $id: "https://contracts.dev/schemas/canvas.schema.json",
      title: "Canvas",
      type: "object",
      $defs: { Shape: { oneOf: [shape("circle", "radius"), shape("square", "side")] } },
      properties: { shapes: { type: "array", items: { $ref: "#/$defs/Shape" } } },
      required: ["shapes"],
      additionalProperties: false,
    }),
  },
]);
const canvas = model.entities[0] as Entity;
const shapeNode = canvas.definitions[0]?.type as TypeNode;

/** The canvas entity with another root: the model refuses non-object roots until issue 13's model lands. */
const withRoot = (root: TypeNode, name = "Thing"): Entity => ({ ...canvas, name, definitions: [], root: root as Entity["root"] });
const markdown = (text: string) => format(text, { parser: "markdown", proseWrap: "preserve", embeddedLanguageFormatting: "off" });
const body = (page: string) => page.slice(page.indexOf("## Definition"));

describe("fields of union branches", () => {
  it("a union definition: its declaration, then a table per branch named by the discriminator", async () => {
    const page = renderEntityPage(canvas, model);
    expect(page.slice(page.indexOf("### Shape"))).toBe(
      [
        "### Shape",
        "",
        "```ts",
        "type Shape =",
        "  | {",
        '      kind: "circle";',
        "      radius: number;",
        "    }",
        "  | {",
        '      kind: "square";',
        "      side: number;",
        "    };",
        "```",
        "",
        '#### kind: "circle"',
        "",
        "| Field    | Type       | Notes                    |",
        "| -------- | ---------- | ------------------------ |",
        '| `kind`   | `"circle"` | `required`               |',
        "| `radius` | `number`   | `required` — The radius. |",
        "",
        '#### kind: "square"',
        "",
        "| Field  | Type       | Notes                  |",
        "| ------ | ---------- | ---------------------- |",
        '| `kind` | `"square"` | `required`             |',
        "| `side` | `number`   | `required` — The side. |",
        "",
      ].join("\n"),
    );
    expect(await markdown(page)).toBe(page);
  });

  it("an entity that is a union: a type alias and a Fields table per object branch", async () => {
    const page = renderEntityPage(withRoot(shapeNode), model);
    expect(
      body(page)
        .split("\n")
        .filter((l) => l.startsWith("#")),
    ).toEqual(["## Definition", "## Fields", '### kind: "circle"', '### kind: "square"']);
    expect(page).toContain("type Thing =\n  | {");
    expect(await markdown(page)).toBe(page);
  });

  it.each<[string, TypeNode, string]>([
    ["an enum", { kind: "enum", pointer: "", values: ["draft", "live"] }, 'type Thing = "draft" | "live";'],
    ["a string alias", { kind: "string", pointer: "" }, "type Thing = string;"],
    ["an array", { kind: "array", pointer: "", items: { kind: "string", pointer: "/items" } }, "type Thing = string[];"],
  ])("an entity that is %s: the Definition block and no Fields section", async (_name, root, declaration) => {
    const page = renderEntityPage(withRoot(root), model);
    expect(body(page)).toBe(`## Definition\n\n\`\`\`ts\n${declaration}\n\`\`\`\n`);
    expect(await markdown(page)).toBe(page);
  });
});
