import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { newAjv2020 } from "../src/schema/ajv.js";
import { DRAFT_2020_12, META_AJV_OPTIONS } from "../src/validate/meta.js";
import { canonicalSchema, REPO_ROOT } from "./helpers.js";

describe("the meta-schema validator compiled at build time", () => {
  it("judges schemas as the one compiled at run time does, errors included", async () => {
    const built = createRequire(import.meta.url)(path.join(REPO_ROOT, "packages/codegen/dist/validate/meta-schema.cjs")) as ValidateFunction;
    const runtime = newAjv2020(META_AJV_OPTIONS).getSchema(DRAFT_2020_12) as ValidateFunction;
    const canonical = await canonicalSchema();
    const schemas: unknown[] = [
      canonical,
      { ...canonical, type: "strin" },
      { ...canonical, properties: { a: { minLength: -1 }, b: { required: "x" }, c: { enum: [] } } },
      { $schema: DRAFT_2020_12, $defs: { X: { type: ["string", "string"] } }, items: [{}], additionalProperties: 3 },
      { $schema: DRAFT_2020_12, $id: 42, pattern: 7, format: {} },
    ];
    for (const schema of schemas) {
      const verdicts = [built, runtime].map((validate) => [validate(schema), validate.errors ?? null]);
      expect(verdicts[0]).toEqual(verdicts[1]);
    }
    expect(built(schemas[1])).toBe(false);
  });
});
