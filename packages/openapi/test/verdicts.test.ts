import fc from "fast-check";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJudge, openapi30Judge, openapi31Judge } from "./judges.js";
import { invalidSamples, validSamples } from "./samples.js";
import { targetOn } from "../../../scripts/targets.mjs";

const canonical = canonicalJudge();
// A document contracts.config.json turns off holds no component to judge: its tests do not run.
const judges = [
  { version: "3.1", on: targetOn("openapi31"), judge: () => openapi31Judge("ConnectorWithStatus") },
  { version: "3.0", on: targetOn("openapi30"), judge: () => openapi30Judge("ConnectorWithStatus") },
];

for (const { version, on, judge: compile } of judges)
  describe.runIf(on)(`the OpenAPI ${version} document judges like the canonical schema`, () => {
    // Compiled only where the suite runs: an off document has no component to compile against.
    let judge: ValidateFunction;
    beforeAll(() => {
      judge = compile();
    });
    it.each(validSamples)("accepts %s", (_name, sample) => {
      expect(canonical(sample), JSON.stringify(canonical.errors)).toBe(true);
      expect(judge(sample), JSON.stringify(judge.errors)).toBe(true);
    });

    it.each(invalidSamples)("rejects %s", (_name, sample) => {
      expect(canonical(sample)).toBe(false);
      expect(judge(sample)).toBe(false);
    });

    it("agrees on random near-misses", () => {
      // Each field is mostly a valid value (null included where allowed), sometimes a wrong one,
      // and now and then one field goes missing: both verdicts come up often.
      const field = (valid: unknown[], wrong: unknown[]) =>
        fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...wrong) });
      const server = fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        {
          weight: 4,
          arbitrary: fc.record({
            id: field(["i"], [null, 1]),
            status: field(["error", "connected", "disconnected", null], ["paused", 0]),
            config: field([{}, { a: 1 }, null], [[], "x"]),
          }),
        },
        { weight: 1, arbitrary: fc.constantFrom("x", [], {}) },
      );
      const record = fc.record({
        id: field(["a"], [null, 1]),
        name: field(["n"], [null]),
        slug: field(["s"], [null, false]),
        description: field(["d", null], [1]),
        iconUrl: field(["https://x.dev/i.png", null], ["not a uri", 2]),
        mcpUrl: field(["https://x.dev/mcp"], [null, "nope"]),
        oauthScopes: field(["repo", null], [["repo"]]),
        configSchema: field([{}, { k: [1] }, null], [[], "{}"]),
        enabled: field([true, false], [null, "true"]),
        createdAt: field(["2026-01-02T03:04:05Z"], [null, "today"]),
        server,
      });
      const connector = fc
        .tuple(record, fc.option(fc.constantFrom("id", "description", "server", "extra"), { freq: 10 }))
        .map(([value, change]) =>
          change === null ? value : change === "extra" ? { ...value, extra: 1 } : Object.fromEntries(Object.entries(value).filter(([k]) => k !== change)),
        );
      const seen = new Set<boolean>();
      fc.assert(
        fc.property(connector, (value) => {
          const verdict = canonical(value);
          seen.add(verdict);
          expect(judge(value)).toBe(verdict);
        }),
        { numRuns: 2000, seed: 42 },
      );
      expect(seen).toEqual(new Set([true, false]));
    });
  });
