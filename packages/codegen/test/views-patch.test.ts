import { describe, expect, it } from "vitest";
import { parseSchemaText } from "../src/load/parse.js";
import { deriveViews } from "../src/model/views.js";

/**
 * Which roots whose every property is readOnly get a merge-patch view: one only where other keys
 * may be sent (a `minProperties: 1` patch of a closed object could hold nothing valid).
 */
const root = (extra: Record<string, unknown>) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://contracts.dev/schemas/stamp.schema.json",
  title: "Stamp",
  type: "object",
  properties: { id: { type: "string", readOnly: true } },
  required: ["id"],
  ...extra,
});

function viewsOf(schema: object): string[] {
  const parsed = parseSchemaText("schemas/stamp.schema.json", JSON.stringify(schema));
  if (!parsed.ok) throw new Error("fixture schema does not parse");
  return deriveViews([parsed.source]).views.map((v) => v.view.kind);
}

describe("the patch view of a root whose every property is readOnly", () => {
  it.each([
    ["additionalProperties: false", { additionalProperties: false }, ["input"]],
    ["unevaluatedProperties: false", { unevaluatedProperties: false }, ["input"]],
    ["no additionalProperties (open, with closed-objects relaxed)", {}, ["input", "patch"]],
    ["additionalProperties: a schema", { additionalProperties: { type: "string" } }, ["input", "patch"]],
    ["patternProperties beside additionalProperties: false", { additionalProperties: false, patternProperties: { "^x-": {} } }, ["input", "patch"]],
  ])("%s", (_, extra, kinds) => {
    expect(viewsOf(root(extra))).toEqual(kinds);
  });
});
