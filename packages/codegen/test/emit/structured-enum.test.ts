import { describe, expect, it } from "vitest";
import { emitters } from "../../src/emit/index.js";
import { formatProblem, SchemaProblems } from "../../src/errors.js";
import { newAjv2020 } from "../../src/schema/ajv.js";
import { generateWith } from "../helpers.js";

const BASE = "https://contracts.dev/schemas";
const schema = (enumValues: unknown[]) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}/preset.schema.json`,
  title: "Preset",
  type: "object",
  properties: { size: { enum: enumValues }, tag: { const: { kind: "a", n: [1, 2] } } },
  required: ["size"],
  additionalProperties: false,
});
const file = (enumValues: unknown[]) => ({ file: "schemas/preset.schema.json", text: `${JSON.stringify(schema(enumValues), null, 2)}\n` });

/** `enum` and `const` of any JSON value (objects, arrays), through every target. */
describe("an enum of objects and arrays", () => {
  it("generates in every target, and its fixtures are what Ajv accepts", async () => {
    const values = [{ w: 1, h: 2 }, [3, 4], "auto", null];
    const outputs = await generateWith(emitters, [file(values)]).catch((e: unknown) => {
      throw new Error((e as SchemaProblems).problems?.map(formatProblem).join("\n") ?? String(e));
    });
    const fixtures = JSON.parse(outputs.get("packages/fixtures/generated/preset.valid.json") ?? "null") as { name: string; value: unknown }[] | null;
    expect(fixtures).not.toBeNull();
    const validate = newAjv2020({ allErrors: true }).compile(schema(values));
    const cases = fixtures ?? [];
    // A case per enum value, each accepted by Ajv.
    expect(cases.length).toBeGreaterThanOrEqual(values.length);
    for (const { name, value } of cases) expect(validate(value), `${name}: ${JSON.stringify(value)}`).toBe(true);
    for (const v of values)
      expect(
        cases.some((c) => JSON.stringify((c.value as { size: unknown }).size) === JSON.stringify(v)),
        JSON.stringify(v),
      ).toBe(true);
    const page = outputs.get("packages/docs/pages/Preset.md") ?? "";
    expect(page).toContain('size: { w: 1; h: 2 } | [3, 4] | "auto" | null;');
    // The Fields table prints each type as the Definition block does (one printer, syntax.ts).
    expect(page).toMatch(/\| `\{ w: 1; h: 2 \} \\\| \[3, 4\] \\\| "auto" \\\| null` +\|/);
    expect(page).toContain('tag?: { kind: "a"; n: [1, 2] };');
    expect(page).toMatch(/\| `\{ kind: "a"; n: \[1, 2\] \}` +\|/);
    expect(JSON.stringify(JSON.parse(outputs.get("packages/openapi/generated/openapi-3.0.json") ?? "{}").components.schemas.Preset.properties.size.enum)).toBe(
      JSON.stringify([{ h: 2, w: 1 }, [3, 4], "auto", null]),
    );
    expect(outputs.get("packages/types/src/generated/preset.ts")).toContain('size: { w: 1; h: 2 } | [3, 4] | "auto" | null;');
  });

  it("refuses a value listed twice, compared as JSON (key order free)", async () => {
    const error = await generateWith(emitters, [
      file([
        { w: 1, h: 2 },
        { h: 2, w: 1 },
      ]),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaProblems);
    expect((error as SchemaProblems).problems.map(formatProblem).join("\n")).toMatch(
      /at \/properties\/size\/enum\/1: enum value \{"h":2,"w":1\} is listed twice \(first at \/properties\/size\/enum\/0\)/,
    );
  });
});
