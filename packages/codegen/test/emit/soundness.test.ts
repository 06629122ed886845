import { Validator } from "@seriousme/openapi-schema-validator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Json } from "../../src/model/types.js";
import { ajvJudge, compileSamples, typesOf } from "./types/harness.js";
import { convert, documentErrors, judges } from "./openapi/harness.js";
import { anySchema, anyValue, withDefs } from "./any-schema.js";

/**
 * Property tests over random 2020-12 schemas (every keyword the emitters handle, nested) and
 * random values: the types are sound (every value Ajv accepts compiles against the type), and
 * both OpenAPI documents judge every value as Ajv judges the schema, unless 3.0 reported the
 * construct it cannot say (then only 3.1 is judged). Neither emitter may throw.
 */
const SEED = 20261202;
// Through JSON: fast-check's dictionaries may have no prototype, which Ajv's deep equality trips on.
const samples = fc
  .sample(fc.tuple(anySchema.map(withDefs), fc.array(anyValue, { minLength: 30, maxLength: 30 })), { numRuns: 120, seed: SEED })
  .map((s) => JSON.parse(JSON.stringify(s)) as [Json, Json[]]);

describe("random schemas", () => {
  it("types: every value the schema accepts is assignable to its type", async () => {
    const entries: Record<string, { declarations: string; name: string; samples: Json[] }> = {};
    let accepted = 0;
    for (const [i, [schema, values]] of samples.entries()) {
      const judge = ajvJudge(schema);
      const valid = values.filter((v) => judge(v));
      accepted += valid.length;
      entries[`s${i}`] = { declarations: await typesOf("T", schema), name: "T", samples: valid };
    }
    const compiled = compileSamples(entries);
    const failures = [...compiled].flatMap(([key, { perSample, other }]) => {
      const i = Number(key.slice(1));
      const [schema] = samples[i] as [Json, Json[]];
      const valid = (entries[key] as { samples: Json[] }).samples;
      return [
        ...other.map((e) => ({ schema, error: e })),
        ...perSample.flatMap((errors, j) => (errors.length ? [{ schema, value: valid[j], types: entries[key]?.declarations, errors }] : [])),
      ];
    });
    expect(failures.slice(0, 3)).toEqual([]);
    expect(accepted, "enough valid values to mean something").toBeGreaterThan(300);
  });

  it("OpenAPI: both documents are valid and judge as the schema does", async () => {
    let judged30 = 0;
    const validator = new Validator();
    for (const [schema, values] of samples) {
      const converted = convert(schema);
      expect(await documentErrors(converted.oas31, validator), JSON.stringify(schema)).toEqual([]);
      const judge = judges(schema, converted);
      const want = values.map((v) => judge.source(v));
      expect(
        values.map((v) => judge.oas31(v)),
        JSON.stringify(schema),
      ).toEqual(want);
      if (converted.problems.length > 0) continue;
      judged30++;
      expect(await documentErrors(converted.oas30, validator), JSON.stringify(schema)).toEqual([]);
      expect(
        values.map((v) => judge.oas30(v)),
        `${JSON.stringify(schema)}\n${JSON.stringify(converted.oas30.components)}`,
      ).toEqual(want);
    }
    expect(judged30, "enough schemas 3.0 can say").toBeGreaterThan(40);
  });
});
