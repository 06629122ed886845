import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../src/core/generate.js";
import { inThreadRunner } from "../src/core/runner.js";
import { emitters } from "../src/emit/index.js";
import { SchemaProblems } from "../src/errors.js";
import { parseSchemaText } from "../src/load/parse.js";
import { getAtPointer } from "../src/load/pointer.js";
import { walkSchemas } from "../src/model/subschemas.js";
import { KEYWORD_NAMES } from "../src/model/keywords/index.js";
import { anyKeywordEntity } from "./grammar.js";

const FILE = "schemas/thing.schema.json";

/**
 * Issue 13's promise on schemas nobody wrote by hand: random schemas using every keyword, nested
 * through every subschema position, go through the real generate with every target. Each either
 * generates or is refused with problems that each name the file, the line:column of their
 * pointer and a pointer into the document; nothing else (an internal error is exit 2) is allowed.
 */
describe("schemas using any keyword", () => {
  it("generate, or are refused with located problems only", async () => {
    const seen = new Set<string>();
    const outcome = { generated: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(anyKeywordEntity, async (schema) => {
        const text = JSON.stringify(schema, null, 2);
        walkSchemas(schema as never, (node) => {
          if (typeof node === "object" && node !== null && !Array.isArray(node)) for (const k of Object.keys(node)) seen.add(k);
        });
        try {
          await generate([{ file: FILE, text }], { emitters, runner: inThreadRunner() });
          outcome.generated++;
        } catch (error) {
          if (!(error instanceof SchemaProblems)) throw error;
          outcome.refused++;
          const parsed = parseSchemaText(FILE, text);
          if (!parsed.ok) throw new Error("the grammar wrote unparsable JSON");
          for (const p of error.problems) {
            expect(p.file).toBe(FILE);
            expect(getAtPointer(schema, p.pointer), `${p.pointer}: ${p.message}`).not.toBeUndefined();
            expect({ line: p.line, column: p.column }, p.message).toEqual(parsed.source.locate(p.pointer));
            expect(p.message.length * p.hint.length, p.message).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 1313, numRuns: 300 },
    );
    // The grammar reached every keyword of the registry (and the run both generated and refused).
    expect(KEYWORD_NAMES.filter((k) => !seen.has(k))).toEqual([]);
    expect(outcome.generated).toBeGreaterThan(0);
    expect(outcome.refused).toBeGreaterThan(0);
  }, 120_000);
});
